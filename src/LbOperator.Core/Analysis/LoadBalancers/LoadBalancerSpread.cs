using System.Globalization;
using LbOperator.Core.Analysis.Building;
using LbOperator.Core.Analysis.Endpoints;
using LbOperator.Core.Analysis.Findings;
using LbOperator.Core.Analysis.Services;
using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.LoadBalancers;

/// <summary>
/// The load balancer step of a LoadBalancer Service: how the load balancer in front spreads over nodes
/// or pods before kube-proxy. Returns false when it leaves the spread to the Service's own model
/// (the load balancer reaches every node evenly and kube-proxy decides).
/// </summary>
internal static class LoadBalancerSpread
{
    public static bool TryCompute(AnalysisContext context, ServiceInfo service, ReadOnlySpan<ReadyEndpoint> ready, EntryPointDraft draft, Span<double> shares)
    {
        var detected = LoadBalancerDetection.Detect(context, service);
        if (detected.Source.Length > 0)
        {
            draft.Notes.Add($"load balancer: {LoadBalancerNames.NameOf(detected.Implementation)} (from {detected.Source})");
        }

        var local = service.ExternalTrafficPolicy == TrafficPolicy.Local;
        switch (detected.Implementation)
        {
            case LoadBalancerImplementation.Aws:
                return Aws(service, AwsSettings.InTree(service), local, ready, draft, shares);
            case LoadBalancerImplementation.AwsLbc:
                return Aws(service, AwsSettings.Controller(service), local, ready, draft, shares);
            case LoadBalancerImplementation.Gke when local && PodsPerNode(service) is { } setting:
                // GKE weights each node by its serving pods under Local, so every pod gets an equal part:
                // https://cloud.google.com/kubernetes-engine/docs/concepts/service-load-balancer#weighted-load-balancing
                draft.Notes.Add($"GKE weighted load balancing ({setting}) weights each node by its pods, so externalTrafficPolicy Local is even per pod");
                EqualSpread.Compute(shares);
                return true;
            case LoadBalancerImplementation.MetalLbL2 when local:
                MetalLbLayer2.Compute(service, ready, draft, shares);
                return true;
            case LoadBalancerImplementation.MetalLbBgp:
                // BGP routers spread over the nodes that announce the IP, all of them under Cluster and those with
                // a ready endpoint under Local: https://metallb.universe.tf/concepts/bgp/
                draft.Notes.Add("MetalLB BGP: the routers spread over the announcing nodes (ECMP), like a cloud load balancer without zones");
                return false;
            default:
                return false;
        }
    }

    private static bool Aws(ServiceInfo service, AwsSettings settings, bool local, ReadOnlySpan<ReadyEndpoint> ready, EntryPointDraft draft, Span<double> shares)
    {
        if (settings.IpTargets && settings.CrossZone)
        {
            draft.Notes.Add("the load balancer targets pods directly with cross-zone load balancing on, so every pod gets an equal part whatever externalTrafficPolicy says");
            EqualSpread.Compute(shares);
            return true;
        }

        if (!settings.IpTargets && !local)
        {
            // Instance targets under Cluster: every node is healthy and kube-proxy spreads over all pods.
            return false;
        }

        if (!settings.IpTargets && settings.CrossZone)
        {
            // Instance targets under Local with cross-zone on: even over healthy nodes, the Service's own Local model.
            return false;
        }

        if (settings.IpTargets)
        {
            draft.Notes.Add("the load balancer targets pods directly, so externalTrafficPolicy does not split traffic per node");
        }

        var layout = ZonalSpread.Compute(ready, nodeTargets: !settings.IpTargets, shares);
        if (layout.Uneven)
        {
            var hottest = layout.Hottest;
            var unit = settings.IpTargets ? "pods" : "nodes with a ready pod";
            draft.Skew = new SkewExplanation(
                SkewCause.ZonalLoadBalancing,
                service.Ref,
                string.Create(CultureInfo.InvariantCulture, $"zonal load balancing: cross-zone load balancing is off, so each of {layout.Zones.Count} zones gets {MessageText.Percent(1.0 / layout.Zones.Count)} and zone {hottest.Zone} has the fewest {unit} ({MessageText.Counts(layout.Zones.ToDictionary(z => z.Zone, z => z.Targets), "zones")})"),
                $"enable cross-zone load balancing ({settings.CrossZoneSetting}) or spread pods evenly across zones (topologySpreadConstraints on topology.kubernetes.io/zone)");
        }
        else if (!settings.IpTargets)
        {
            draft.Skew = new SkewExplanation(
                SkewCause.ExternalTrafficPolicyLocal,
                service.Ref,
                $"externalTrafficPolicy Local with uneven pods per node ({MessageText.Counts(PodsPerNode(ready), "nodes")})",
                "spread the pods evenly over nodes (topologySpreadConstraints on kubernetes.io/hostname) or set externalTrafficPolicy: Cluster");
        }

        return true;
    }

    private static Dictionary<string, int> PodsPerNode(ReadOnlySpan<ReadyEndpoint> ready)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var endpoint in ready)
        {
            var node = endpoint.Node ?? EntryPointResultBuilder.UnknownGroup;
            counts[node] = counts.GetValueOrDefault(node) + 1;
        }

        return counts;
    }

    private static string? PodsPerNode(ServiceInfo service) =>
        service.Annotations.TryGetValue("networking.gke.io/weighted-load-balancing", out var value)
        && string.Equals(value.Trim(), "pods-per-node", StringComparison.OrdinalIgnoreCase)
            ? $"networking.gke.io/weighted-load-balancing: {value.Trim()}"
            : null;
}
