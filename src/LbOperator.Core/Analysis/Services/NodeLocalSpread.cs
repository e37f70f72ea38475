using System.Buffers;
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
    public static Dictionary<string, int> Compute(ReadOnlySpan<ReadyEndpoint> ready, Span<double> shares)
    {
        var nodeIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var endpointNode = ArrayPool<int>.Shared.Rent(ready.Length);
        var counts = new List<int>();
        for (var i = 0; i < ready.Length; i++)
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

        var perNode = 1.0 / counts.Count;
        for (var i = 0; i < ready.Length; i++)
        {
            shares[i] = perNode / counts[endpointNode[i]];
        }

        ArrayPool<int>.Shared.Return(endpointNode);
        var podsPerNode = new Dictionary<string, int>(nodeIndex.Count, StringComparer.Ordinal);
        foreach (var (node, index) in nodeIndex)
        {
            podsPerNode[node] = counts[index];
        }

        return podsPerNode;
    }
}
