using System.Globalization;
using LbOperator.Core.Analysis.Building;
using LbOperator.Core.Analysis.Endpoints;
using LbOperator.Core.Analysis.Findings;
using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.LoadBalancers;

/// <summary>
/// MetalLB layer 2 under <c>externalTrafficPolicy: Local</c>: one node answers for the IP, and only
/// nodes with a ready endpoint may announce it, so all traffic lands on the pods of one such node
/// (https://metallb.universe.tf/concepts/layer2/, https://metallb.universe.tf/usage/#traffic-policies).
/// Which node wins the election is not knowable from the API, so the busiest eligible node is taken:
/// the least concentrated outcome, skew = |pool| ÷ |pods on that node|.
/// </summary>
internal static class MetalLbLayer2
{
    public static void Compute(ServiceInfo service, ReadOnlySpan<ReadyEndpoint> ready, EntryPointDraft draft, Span<double> shares)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var endpoint in ready)
        {
            var node = endpoint.Node ?? EntryPointResultBuilder.UnknownGroup;
            counts[node] = counts.GetValueOrDefault(node) + 1;
        }

        var (busiest, pods) = (string.Empty, 0);
        foreach (var (node, count) in counts)
        {
            if (count > pods)
            {
                (busiest, pods) = (node, count);
            }
        }

        for (var i = 0; i < ready.Length; i++)
        {
            shares[i] = string.Equals(ready[i].Node ?? EntryPointResultBuilder.UnknownGroup, busiest, StringComparison.Ordinal) ? 1.0 / pods : 0;
        }

        draft.Notes.Add(string.Create(
            CultureInfo.InvariantCulture,
            $"MetalLB layer 2 announces the IP from one node, and under externalTrafficPolicy Local only the pods of that node receive traffic; which of the {counts.Count} eligible node(s) announces it cannot be known from the API, so the busiest ({busiest}, {pods} pod(s)) is assumed and the real skew may be higher"));
        if (counts.Count > 1)
        {
            draft.Skew = new SkewExplanation(
                SkewCause.ExternalTrafficPolicyLocal,
                service.Ref,
                $"MetalLB layer 2 with externalTrafficPolicy Local: one announcing node takes all traffic and the pods on the other nodes get none ({MessageText.Counts(counts, "nodes")})",
                "set externalTrafficPolicy: Cluster, or announce the IP with BGP (a BGPAdvertisement) so every node with a pod receives traffic");
        }
    }
}
