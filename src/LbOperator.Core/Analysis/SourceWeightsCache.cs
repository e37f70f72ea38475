using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis;

/// <summary>
/// The traffic weights of zones and Nodes, kept per <see cref="IClusterView.NodesVersion"/>: at thousands of
/// Nodes, computing them again for each of thousands of Services would dominate a full audit.
/// </summary>
internal sealed class SourceWeightsCache
{
    private readonly PerVersion<Weights> _weights = new();

    public IReadOnlyDictionary<string, double> ByZone(IClusterView view) => For(view).Zone.Value;

    public IReadOnlyDictionary<string, double> ByNode(IClusterView view) => For(view).Node.Value;

    private Weights For(IClusterView view) => _weights.Get(view, view.NodesVersion, () => new Weights(view.Nodes));

    private sealed class Weights(IReadOnlyCollection<NodeInfo> nodes)
    {
        public Lazy<IReadOnlyDictionary<string, double>> Zone { get; } = new(() => SourceWeights.ByZone(nodes));

        public Lazy<IReadOnlyDictionary<string, double>> Node { get; } = new(() => SourceWeights.ByNode(nodes));
    }
}
