using System.Globalization;
using LbOperator.Core.Model;
using LbOperator.Kubernetes.Manifests;

namespace LbOperator.Check;

/// <summary>Notes about the input for stderr, so that stdout stays a clean document in json and sarif modes.</summary>
internal static class CheckDiagnostics
{
    private const int NamesShown = 5;

    public static void Write(ManifestSet manifests, TextWriter error)
    {
        if (manifests.Skipped.Count > 0)
        {
            var kinds = manifests.Skipped
                .GroupBy(document => document.Kind ?? "(no kind)", StringComparer.Ordinal)
                .OrderBy(group => group.Key, StringComparer.Ordinal)
                .Select(group => string.Create(CultureInfo.InvariantCulture, $"{group.Key} ×{group.Count()}"));
            error.WriteLine($"note: skipped {Documents(manifests.Skipped.Count)} of kinds lb-operator does not audit: {string.Join(", ", kinds)}");
        }

        if (manifests.Services.Count + manifests.Ingresses.Count + manifests.HttpRoutes.Count == 0)
        {
            error.WriteLine("note: the input holds no Service, Ingress or HTTPRoute; there is nothing to audit");
        }

        var withSlices = manifests.EndpointSlices.Select(slice => (slice.Namespace, slice.ServiceName)).ToHashSet();
        var withoutSlices = manifests.Services
            .Where(service => service.Type != ServiceType.ExternalName && !withSlices.Contains((service.Namespace, service.Name)))
            .Select(service => $"{service.Namespace}/{service.Name}")
            .ToArray();
        if (withoutSlices.Length > 0)
        {
            var names = string.Join(", ", withoutSlices.Take(NamesShown)) + (withoutSlices.Length > NamesShown ? ", …" : "");
            error.WriteLine(
                $"note: {withoutSlices.Length} Service(s) have no EndpointSlice in the input ({names}) so their spread is not evaluated; "
                + "add the output of `kubectl get endpointslices,nodes -A -o yaml` to check the real spread");
        }
    }

    private static string Documents(int count) => count == 1 ? "1 document" : $"{count} documents";
}
