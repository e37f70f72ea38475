using System.Globalization;
using LbOperator.Kubernetes.Manifests;

namespace LbOperator.Check;

/// <summary>
/// The notes about skipped documents: kinds that are never read, counted; kinds that are read in another
/// apiVersion, named with the version found and the one read; and v1 Endpoints, which EndpointSlices replace.
/// </summary>
internal static class SkippedKinds
{
    private const string Endpoints = "Endpoints";

    public static void Write(IReadOnlyList<SkippedDocument> skipped, TextWriter error)
    {
        var otherVersion = skipped.Where(d => d.Kind is not null && d.Kind != Endpoints && ManifestKinds.VersionsOf(d.Kind).Count > 0).ToArray();
        var endpoints = skipped.Count(d => d.Kind == Endpoints);
        var unread = skipped.Except(otherVersion).Where(d => d.Kind != Endpoints).ToArray();
        if (unread.Length > 0)
        {
            var kinds = unread
                .GroupBy(document => document.Kind ?? "(no kind)", StringComparer.Ordinal)
                .OrderBy(group => group.Key, StringComparer.Ordinal)
                .Select(group => string.Create(CultureInfo.InvariantCulture, $"{group.Key} ×{group.Count()}"));
            error.WriteLine($"note: skipped {Documents(unread.Length)} of kinds lb-operator does not audit: {string.Join(", ", kinds)}");
        }

        foreach (var group in otherVersion.GroupBy(d => (d.Kind!, d.ApiVersion ?? "(no apiVersion)")).OrderBy(g => g.Key))
        {
            var (kind, version) = group.Key;
            var first = group.First().Source;
            error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"note: skipped {kind} {version} ×{group.Count()} (first at {first}): lb-operator reads {kind} {string.Join(" and ", ManifestKinds.VersionsOf(kind))}"));
        }

        if (endpoints > 0)
        {
            error.WriteLine(string.Create(
                CultureInfo.InvariantCulture, $"note: skipped Endpoints ×{endpoints}: v1 Endpoints are not read (EndpointSlices are)"));
        }
    }

    private static string Documents(int count) => count == 1 ? "1 document" : $"{count} documents";
}
