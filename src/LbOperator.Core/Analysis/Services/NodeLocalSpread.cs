using LbOperator.Core.Analysis.Building;
using LbOperator.Core.Analysis.Endpoints;

namespace LbOperator.Core.Analysis.Services;

/// <summary>
/// A traffic policy of Local: traffic is first split evenly over the nodes that have a ready endpoint,
/// then each node splits its part evenly over its own endpoints.
/// share(e) = 1/|nodes with endpoints| × 1/|endpoints on e's node|.
/// </summary>
internal static class NodeLocalSpread
{
    public static double[] Compute(IReadOnlyList<ReadyEndpoint> ready, out Dictionary<string, int> podsPerNode)
    {
        podsPerNode = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var endpoint in ready)
        {
            var node = NodeOf(endpoint);
            podsPerNode[node] = podsPerNode.GetValueOrDefault(node) + 1;
        }

        var shares = new double[ready.Count];
        var perNode = 1.0 / podsPerNode.Count;
        for (var i = 0; i < shares.Length; i++)
        {
            shares[i] = perNode / podsPerNode[NodeOf(ready[i])];
        }

        return shares;
    }

    private static string NodeOf(ReadyEndpoint endpoint) => endpoint.Node ?? EntryPointResultBuilder.UnknownGroup;
}
