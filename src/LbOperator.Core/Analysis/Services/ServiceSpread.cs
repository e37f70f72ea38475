using System.Globalization;
using LbOperator.Core.Analysis.Building;
using LbOperator.Core.Analysis.Endpoints;
using LbOperator.Core.Analysis.Findings;
using LbOperator.Core.Analysis.LoadBalancers;
using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.Services;

/// <summary>
/// Chooses how a Service spreads its traffic, in the order the data path decides it: the load balancer
/// in front of a LoadBalancer Service first, then an external Local policy (the per-node split), then an internal Local policy, then
/// topology routing, else kube-proxy's equal spread.
/// </summary>
internal static class ServiceSpread
{
    /// <summary>Writes one share per ready endpoint into <paramref name="shares"/>, in the same order.</summary>
    /// <param name="path">How the traffic arrives; only the Service's own entry point passes its load balancer.</param>
    public static void Compute(AnalysisContext context, ServiceInfo service, ReadOnlySpan<ReadyEndpoint> ready, EntryPointDraft draft, Span<double> shares, ServicePath path = ServicePath.Own)
    {
        if (path == ServicePath.Own && service.Type == ServiceType.LoadBalancer && LoadBalancerSpread.TryCompute(context, service, ready, draft, shares))
        {
            return;
        }

        var external = path == ServicePath.NodePort || (path == ServicePath.Own && IsExternallyReachable(service));
        if (external && service.ExternalTrafficPolicy == TrafficPolicy.Local)
        {
            var podsPerNode = NodeLocalSpread.Compute(ready, shares);
            draft.Skew = new SkewExplanation(
                SkewCause.ExternalTrafficPolicyLocal,
                service.Ref,
                $"externalTrafficPolicy Local with uneven pods per node ({MessageText.Counts(podsPerNode, "nodes")})",
                "spread the pods evenly over nodes (topologySpreadConstraints on kubernetes.io/hostname) or set externalTrafficPolicy: Cluster");
            return;
        }

        if (service.InternalTrafficPolicy == TrafficPolicy.Local)
        {
            var podsPerNode = NodeLocalSpread.Compute(ready, shares);
            draft.Notes.Add(DroppedTrafficNote(context, podsPerNode));
            draft.Skew = new SkewExplanation(
                SkewCause.InternalTrafficPolicyLocal,
                service.Ref,
                $"internalTrafficPolicy Local with uneven pods per node ({MessageText.Counts(podsPerNode, "nodes")})",
                "run one pod per node (a DaemonSet) or set internalTrafficPolicy: Cluster");
            return;
        }

        var topology = TopologyRequest.Of(service);
        if (topology.Scope != TopologyScope.None)
        {
            if (TopologySpread.AllHinted(ready, topology.Scope))
            {
                Topology(context, service, ready, topology, draft, shares);
                return;
            }

            var hint = topology.Scope == TopologyScope.Zone ? "hints.forZones" : "hints.forNodes";
            draft.Notes.Add($"{topology.Source} is set but not every ready endpoint has {hint}, so kube-proxy ignores the hints and spreads equally");
        }

        EqualSpread.Compute(shares);
    }

    private static bool IsExternallyReachable(ServiceInfo service) =>
        service.Type is ServiceType.LoadBalancer or ServiceType.NodePort;

    private static void Topology(AnalysisContext context, ServiceInfo service, ReadOnlySpan<ReadyEndpoint> ready, TopologyRequest topology, EntryPointDraft draft, Span<double> shares)
    {
        var byZone = topology.Scope == TopologyScope.Zone;
        var weights = byZone ? context.ZoneWeights : context.NodeWeights;
        if (weights.Count == 0)
        {
            weights = SourceWeights.Equal(TopologySpread.PresentSources(ready, topology.Scope));
            draft.Notes.Add(byZone
                ? "no Node objects with a zone label: traffic is assumed equal from every zone present"
                : "no Node objects: traffic is assumed equal from every node present");
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var endpoint in ready)
        {
            var key = (byZone ? endpoint.Zone : endpoint.Node) ?? EntryPointResultBuilder.UnknownGroup;
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        var noun = byZone ? "zone" : "node";
        draft.Skew = new SkewExplanation(
            SkewCause.TopologyRouting,
            service.Ref,
            $"topology routing ({topology.Source}) with uneven endpoints per {noun} ({MessageText.Counts(counts, noun + "s")}) against traffic in proportion to {noun} CPU",
            byZone
                ? "spread the endpoints over zones in proportion to each zone's CPU (topologySpreadConstraints on topology.kubernetes.io/zone) or remove the topology routing"
                : "run a pod on every node that sends traffic (a DaemonSet) or remove trafficDistribution PreferSameNode");
        TopologySpread.Compute(ready, topology.Scope, weights, shares);
    }

    private static string DroppedTrafficNote(AnalysisContext context, Dictionary<string, int> podsPerNode)
    {
        const string Dropped = "internalTrafficPolicy Local: traffic from nodes without a local endpoint is dropped";
        var nodes = context.View.Nodes;
        if (nodes.Count == 0)
        {
            return Dropped;
        }

        var without = 0;
        foreach (var node in nodes)
        {
            if (!podsPerNode.ContainsKey(node.Name))
            {
                without++;
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{Dropped} ({without} of {nodes.Count} nodes have none)");
    }
}
