using System.Runtime.InteropServices;

namespace LbOperator.Core.Analysis.Building;

/// <summary>Turns a draft into the published result: pool, skew, per-node and per-zone totals, sorted shares.</summary>
internal static class EntryPointResultBuilder
{
    /// <summary>Key used in node and zone totals for endpoints whose node or zone is unknown (not a valid object name).</summary>
    public const string UnknownGroup = "(unknown)";

    /// <summary>Skew is rounded so that exact ratios (3.0, 4.0) compare and print as themselves.</summary>
    private const int SkewDigits = 9;

    /// <remarks>The draft's lists become the result's; a draft is not used after it is built.</remarks>
    public static EntryPointResult Build(EntryPointDraft draft)
    {
        var endpoints = draft.Backends.Count > 1 ? MergeDuplicates(draft.Endpoints) : draft.Endpoints;
        EndpointSorter.Sort(endpoints);

        var pool = endpoints.Count;
        var skew = pool == 0 ? 0 : Math.Round(endpoints[0].Share * pool, SkewDigits);
        var cause = skew > 1 && draft.Skew is not null ? draft.Skew.Cause : SkewCause.None;

        return new EntryPointResult(
            draft.EntryPoint,
            draft.Backends,
            endpoints,
            pool,
            skew,
            Math.Round(draft.BlackholedShare, SkewDigits),
            cause,
            Totals(endpoints, byNode: true),
            Totals(endpoints, byNode: false),
            draft.Notes.Count == 0 ? [] : draft.Notes,
            EndpointsKnown: !draft.EndpointsUnknown);
    }

    /// <summary>Two references to the same Service (main and canary, or two backendRefs) reach the same pods once.</summary>
    private static List<EndpointShare> MergeDuplicates(List<EndpointShare> endpoints)
    {
        var merged = new Dictionary<(string Namespace, string Service, string Endpoint), int>();
        var result = new List<EndpointShare>(endpoints.Count);
        foreach (var endpoint in endpoints)
        {
            var key = (endpoint.Namespace, endpoint.Service, endpoint.Endpoint);
            if (merged.TryGetValue(key, out var index))
            {
                result[index] = result[index] with { Share = result[index].Share + endpoint.Share };
                continue;
            }

            merged[key] = result.Count;
            result.Add(endpoint);
        }

        return result;
    }

    private static GroupShare[] Totals(List<EndpointShare> endpoints, bool byNode)
    {
        var totals = new GroupTotals(endpoints.Count);
        foreach (var endpoint in endpoints)
        {
            totals.Add((byNode ? endpoint.Node : endpoint.Zone) ?? UnknownGroup, endpoint.Share);
        }

        return totals.ToLargestFirst();
    }
}
