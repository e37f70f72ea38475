namespace LbOperator.Core.Analysis.Building;

/// <summary>Turns a draft into the published result: pool, skew, per-node and per-zone totals, sorted shares.</summary>
internal static class EntryPointResultBuilder
{
    /// <summary>Key used in node and zone totals for endpoints whose node or zone is unknown (not a valid object name).</summary>
    public const string UnknownGroup = "(unknown)";

    /// <summary>Skew is rounded so that exact ratios (3.0, 4.0) compare and print as themselves.</summary>
    private const int SkewDigits = 9;

    private static readonly Comparison<EndpointShare> LargestFirst = (a, b) =>
    {
        var byShare = b.Share.CompareTo(a.Share);
        if (byShare != 0)
        {
            return byShare;
        }

        var byService = string.CompareOrdinal(a.Namespace, b.Namespace);
        if (byService == 0)
        {
            byService = string.CompareOrdinal(a.Service, b.Service);
        }

        return byService != 0 ? byService : string.CompareOrdinal(a.Endpoint, b.Endpoint);
    };

    private static readonly Comparison<GroupShare> LargestGroupFirst = (a, b) =>
    {
        var byShare = b.Share.CompareTo(a.Share);
        return byShare != 0 ? byShare : string.CompareOrdinal(a.Key, b.Key);
    };

    public static EntryPointResult Build(EntryPointDraft draft)
    {
        var endpoints = draft.Backends.Count > 1 ? MergeDuplicates(draft.Endpoints) : draft.Endpoints.ToArray();
        Array.Sort(endpoints, LargestFirst);

        var pool = endpoints.Length;
        var skew = pool == 0 ? 0 : Math.Round(endpoints[0].Share * pool, SkewDigits);
        var cause = skew > 1 && draft.Skew is not null ? draft.Skew.Cause : SkewCause.None;

        return new EntryPointResult(
            draft.EntryPoint,
            draft.Backends.ToArray(),
            endpoints,
            pool,
            skew,
            Math.Round(draft.BlackholedShare, SkewDigits),
            cause,
            Totals(endpoints, byNode: true),
            Totals(endpoints, byNode: false),
            draft.Notes.ToArray());
    }

    /// <summary>Two references to the same Service (main and canary, or two backendRefs) reach the same pods once.</summary>
    private static EndpointShare[] MergeDuplicates(List<EndpointShare> endpoints)
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

        return result.ToArray();
    }

    private static GroupShare[] Totals(EndpointShare[] endpoints, bool byNode)
    {
        var totals = new Dictionary<string, (int Endpoints, double Share)>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints)
        {
            var key = (byNode ? endpoint.Node : endpoint.Zone) ?? UnknownGroup;
            var current = totals.GetValueOrDefault(key);
            totals[key] = (current.Endpoints + 1, current.Share + endpoint.Share);
        }

        var groups = new GroupShare[totals.Count];
        var next = 0;
        foreach (var (key, total) in totals)
        {
            groups[next++] = new GroupShare(key, total.Endpoints, total.Share);
        }

        Array.Sort(groups, LargestGroupFirst);
        return groups;
    }
}
