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
    public static double[] Compute(ReadyEndpoint[] ready, out Dictionary<string, int> podsPerNode)
    {
        var nodeIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var endpointNode = new int[ready.Length];
        var counts = new List<int>();
        for (var i = 0; i < endpointNode.Length; i++)
        {
            var node = ready[i].Node ?? EntryPointResultBuilder.UnknownGroup;
            if (!nodeIndex.TryGetValue(node, out var index))
            {
                index = counts.Count;
                nodeIndex[node] = index;
                counts.Add(0);
            }

            counts[index]++;
            endpointNode[i] = index;
        }

        var shares = new double[endpointNode.Length];
        var perNode = 1.0 / counts.Count;
        for (var i = 0; i < shares.Length; i++)
        {
            shares[i] = perNode / counts[endpointNode[i]];
        }

        podsPerNode = new Dictionary<string, int>(nodeIndex.Count, StringComparer.Ordinal);
        foreach (var (node, index) in nodeIndex)
        {
            podsPerNode[node] = counts[index];
        }

        return shares;
    }
}
