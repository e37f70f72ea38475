using System.Globalization;
using LbOperator.Check.Cluster;
using LbOperator.Check.Observed;
using LbOperator.Core.Model;
using LbOperator.Kubernetes.Manifests;
using LbOperator.Kubernetes.Observed;

namespace LbOperator.Check;

/// <summary>
/// Input errors and notes for stderr, so that stdout stays a clean document: every error as
/// <c>file:line:col: message</c>, then what was skipped, defined twice, or left without endpoints.
/// <c>--quiet</c> keeps the errors only.
/// </summary>
internal static class CheckDiagnostics
{
    private const int NamesShown = 5;

    public static void Write(ManifestSet inputs, CheckSettings settings, TextWriter error)
    {
        foreach (var diagnostic in inputs.Diagnostics)
        {
            if (diagnostic.IsError && !settings.SkipInvalid)
            {
                error.WriteLine(diagnostic.ToString());
            }
            else if (!settings.Quiet)
            {
                error.WriteLine(diagnostic.IsError ? $"note: skipped invalid input: {diagnostic}" : $"note: {diagnostic}");
            }
        }

        if (settings.Quiet)
        {
            return;
        }

        SkippedKinds.Write(inputs.Skipped, error);
        foreach (var duplicate in inputs.Duplicates)
        {
            error.WriteLine($"note: {duplicate.Kind} {Qualified(duplicate.Namespace, duplicate.Name)} is defined twice: {duplicate.Winner} wins over {duplicate.Loser}");
        }

        if (inputs.Services.Count + inputs.Ingresses.Count + inputs.HttpRoutes.Count == 0 && !inputs.Errors.Any())
        {
            error.WriteLine("note: the input holds no Service, Ingress or HTTPRoute; there is nothing to audit");
        }

        WriteUnknownEndpoints(inputs, settings, error);
    }

    public static void WriteCluster(ClusterSnapshot snapshot, ManifestSet merged, TextWriter error, bool quiet)
    {
        if (quiet)
        {
            return;
        }

        var scope = snapshot.Namespace is null ? "all namespaces" : $"namespace {snapshot.Namespace}";
        var fromFiles = merged.Objects.Count(item => !item.Source.IsCluster);
        error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"note: read {snapshot.Objects.Count} objects from the cluster ({snapshot.Context}, {scope}); {fromFiles} from files, {merged.Overlaid.Count} of them replacing the cluster's copy"));
        foreach (var missing in snapshot.Unavailable)
        {
            error.WriteLine($"note: the cluster does not serve {missing}; none read");
        }
    }

    /// <summary>Problems always (the report lacks what they concern); where the traffic came from unless quiet.</summary>
    public static void WriteObserved(ObservedCheckResult observed, TextWriter error, bool quiet)
    {
        if (!quiet)
        {
            var settings = observed.Settings;
            error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"note: observed traffic from Prometheus at {settings.PrometheusUrl} at {observed.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}, rate over {GoDuration.Format(settings.Window)}"));
        }

        foreach (var problem in observed.Problems)
        {
            error.WriteLine($"lb-operator check: {problem}");
        }
    }

    private static void WriteUnknownEndpoints(ManifestSet inputs, CheckSettings settings, TextWriter error)
    {
        var withSlices = inputs.EndpointSlices.Select(slice => (slice.Namespace, slice.ServiceName)).ToHashSet();
        var withoutSlices = inputs.Services
            .Where(service => service.Type != ServiceType.ExternalName && !withSlices.Contains((service.Namespace, service.Name)))
            .ToArray();
        if (withoutSlices.Length == 0)
        {
            return;
        }

        var names = string.Join(", ", withoutSlices.Take(NamesShown).Select(s => Qualified(s.Namespace, s.Name))) + (withoutSlices.Length > NamesShown ? ", …" : "");
        var remedy = settings.Cluster is null
            ? "add the output of `kubectl get endpointslices,nodes -A -o yaml`, or use --cluster, to check the real spread"
            : "they are new, or their pods are not created yet";
        error.WriteLine($"note: {withoutSlices.Length} Service(s) have no EndpointSlice in the input ({names}) so their spread is not evaluated; {remedy}");

        // `helm template` without -n puts every object in default while a snapshot has the real namespace.
        var slicesByService = inputs.EndpointSlices.ToLookup(slice => slice.ServiceName, slice => slice.Namespace);
        foreach (var service in withoutSlices)
        {
            var elsewhere = slicesByService[service.Name].Where(ns => ns != service.Namespace).Distinct().Order(StringComparer.Ordinal).ToArray();
            if (elsewhere.Length > 0)
            {
                error.WriteLine(
                    $"note: Service {Qualified(service.Namespace, service.Name)} has no EndpointSlice, but slices for a Service {service.Name} exist in namespace {string.Join(", ", elsewhere)}; "
                    + $"render with helm template -n {elsewhere[0]} or pass -n {elsewhere[0]}");
            }
        }
    }

    private static string Qualified(string? @namespace, string name) => @namespace is null ? name : $"{@namespace}/{name}";
}
