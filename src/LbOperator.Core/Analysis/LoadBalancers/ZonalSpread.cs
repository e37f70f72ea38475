using LbOperator.Core.Analysis.Building;
using LbOperator.Core.Analysis.Endpoints;

namespace LbOperator.Core.Analysis.LoadBalancers;

/// <summary>
/// Cross-zone load balancing off: the client's traffic is split evenly over the zones that have a
/// healthy target, each zone's load balancer node splits its part evenly over that zone's targets, and
/// an instance target (a node) splits its part evenly over its own pods.
/// share(e) = 1/|zones| × 1/|targets in e's zone| × 1/|endpoints on e's target|.
/// </summary>
internal static class ZonalSpread
{
    /// <param name="nodeTargets">True for instance targets (a node is one target), false for IP targets (each pod is one).</param>
    public static ZoneLayout Compute(ReadOnlySpan<ReadyEndpoint> ready, bool nodeTargets, Span<double> shares)
    {
        var zones = new SortedDictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        for (var i = 0; i < ready.Length; i++)
        {
            var targets = TargetsOf(zones, ZoneOf(ready[i]));
            var target = TargetOf(ready[i], nodeTargets);
            targets[target] = targets.GetValueOrDefault(target) + 1;
        }

        for (var i = 0; i < ready.Length; i++)
        {
            var targets = zones[ZoneOf(ready[i])];
            shares[i] = 1.0 / zones.Count / targets.Count / targets[TargetOf(ready[i], nodeTargets)];
        }

        var layout = new List<ZoneCount>(zones.Count);
        foreach (var (zone, targets) in zones)
        {
            var pods = 0;
            foreach (var count in targets.Values)
            {
                pods += count;
            }

            layout.Add(new ZoneCount(zone, targets.Count, pods));
        }

        return new ZoneLayout(layout);
    }

    private static Dictionary<string, int> TargetsOf(SortedDictionary<string, Dictionary<string, int>> zones, string zone)
    {
        if (!zones.TryGetValue(zone, out var targets))
        {
            targets = new Dictionary<string, int>(StringComparer.Ordinal);
            zones[zone] = targets;
        }

        return targets;
    }

    private static string ZoneOf(ReadyEndpoint endpoint) => endpoint.Zone ?? EntryPointResultBuilder.UnknownGroup;

    private static string TargetOf(ReadyEndpoint endpoint, bool nodeTargets) =>
        nodeTargets ? endpoint.Node ?? EntryPointResultBuilder.UnknownGroup : endpoint.Source.Key;
}

/// <summary>One zone behind a load balancer without cross-zone: its healthy targets and the pods behind them.</summary>
internal sealed record ZoneCount(string Zone, int Targets, int Pods);

/// <summary>The zones of a zonal split, ordered by name.</summary>
internal sealed record ZoneLayout(IReadOnlyList<ZoneCount> Zones)
{
    /// <summary>True when the zones hold different numbers of targets, so the even per-zone split is uneven per target.</summary>
    public bool Uneven
    {
        get
        {
            foreach (var zone in Zones)
            {
                if (zone.Targets != Zones[0].Targets)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The zone whose targets each get the most: the one with the fewest targets (first by name on a tie).</summary>
    public ZoneCount Hottest
    {
        get
        {
            var hottest = Zones[0];
            foreach (var zone in Zones)
            {
                if (zone.Targets < hottest.Targets)
                {
                    hottest = zone;
                }
            }

            return hottest;
        }
    }
}
