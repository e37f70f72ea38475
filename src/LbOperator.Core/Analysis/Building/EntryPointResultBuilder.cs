using System.Runtime.InteropServices;

namespace LbOperator.Core.Analysis.Building;

/// <summary>Turns a draft into the published result: pool, skew, per-node and per-zone totals, sorted shares.</summary>
internal static class EntryPointResultBuilder
{
    /// <summary>Key used in node and zone totals for endpoints whose node or zone is unknown (not a valid object name).</summary>
    public const string UnknownGroup = "(unknown)";

    /// <summary>Skew is rounded so that exact ratios (3.0, 4.0) compare and print as themselves.</summary>
    private const int SkewDigits = 9;

    private static readonly Comparison<GroupShare> LargestGroupFirst = (a, b) =>
    {
        var byShare = b.Share.CompareTo(a.Share);
        return byShare != 0 ? byShare : string.CompareOrdinal(a.Key, b.Key);
    };

    /// <remarks>The draft's lists become the result's; a draft is not used after it is built.</remarks>
    public static EntryPointResult Build(EntryPointDraft draft)
    {
        var endpoints = draft.Backends.Count > 1 ? MergeDuplicates(draft.Endpoints) : draft.Endpoints;
        CollectionsMarshal.AsSpan(endpoints).Sort(new EndpointOrder());

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
            draft.Notes);
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
        var totals = new Dictionary<string, (int Endpoints, double Share)>(StringComparer.Ordinal);
        string? lastKey = null;
        var last = 0;
        var lastShare = 0.0;
        foreach (var endpoint in endpoints)
        {
            var key = (byNode ? endpoint.Node : endpoint.Zone) ?? UnknownGroup;
            if (ReferenceEquals(key, lastKey))
            {
                last++;
                lastShare += endpoint.Share;
                continue;
            }

            Flush(totals, lastKey, last, lastShare);
            (lastKey, last, lastShare) = (key, 1, endpoint.Share);
        }

        Flush(totals, lastKey, last, lastShare);
        var groups = new GroupShare[totals.Count];
        var next = 0;
        foreach (var (key, total) in totals)
        {
            groups[next++] = new GroupShare(key, total.Endpoints, total.Share);
        }

        Array.Sort(groups, LargestGroupFirst);
        return groups;
    }

    /// <summary>Adds a run of endpoints with the same key; runs are common (sorted pods of one node share one string).</summary>
    private static void Flush(Dictionary<string, (int Endpoints, double Share)> totals, string? key, int count, double share)
    {
        if (key is null)
        {
            return;
        }

        ref var total = ref CollectionsMarshal.GetValueRefOrAddDefault(totals, key, out _);
        total = (total.Endpoints + count, total.Share + share);
    }
}
