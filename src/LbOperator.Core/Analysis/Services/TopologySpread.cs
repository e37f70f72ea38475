using LbOperator.Core.Analysis.Endpoints;

namespace LbOperator.Core.Analysis.Services;

/// <summary>
/// Topology-aware routing: traffic that starts in a zone (or on a node) goes evenly to the endpoints
/// hinted for it, or to every ready endpoint when none is. Each source's traffic is its weight.
/// </summary>
internal static class TopologySpread
{
    /// <summary>True when kube-proxy would honour the hints: every ready endpoint must carry one.</summary>
    public static bool AllHinted(ReadOnlySpan<ReadyEndpoint> ready, TopologyScope scope)
    {
        foreach (var endpoint in ready)
        {
            if (Hints(endpoint, scope).Count == 0)
            {
                return false;
            }
        }

        return true;
    }

    public static void Compute(ReadOnlySpan<ReadyEndpoint> ready, TopologyScope scope, IReadOnlyDictionary<string, double> sourceWeights, Span<double> shares)
    {
        var hinted = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < ready.Length; i++)
        {
            foreach (var hint in Hints(ready[i], scope))
            {
                if (!hinted.TryGetValue(hint, out var targets))
                {
                    targets = [];
                    hinted[hint] = targets;
                }

                targets.Add(i);
            }
        }

        shares.Clear();
        foreach (var (source, weight) in sourceWeights)
        {
            if (hinted.TryGetValue(source, out var targets))
            {
                foreach (var index in targets)
                {
                    shares[index] += weight / targets.Count;
                }
            }
            else
            {
                for (var i = 0; i < shares.Length; i++)
                {
                    shares[i] += weight / shares.Length;
                }
            }
        }
    }

    /// <summary>Sources to assume when no Node object is known: every zone or node the endpoints name.</summary>
    public static List<string> PresentSources(ReadOnlySpan<ReadyEndpoint> ready, TopologyScope scope)
    {
        var sources = new List<string>();
        foreach (var endpoint in ready)
        {
            var own = scope == TopologyScope.Zone ? endpoint.Zone : endpoint.Node;
            if (own is not null)
            {
                sources.Add(own);
            }

            sources.AddRange(Hints(endpoint, scope));
        }

        return sources;
    }

    private static IReadOnlyList<string> Hints(ReadyEndpoint endpoint, TopologyScope scope) =>
        scope == TopologyScope.Zone ? endpoint.HintZones : endpoint.HintNodes;
}
