using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis;

/// <summary>
/// The traffic weights of zones and Nodes, kept from one analysis to the next while the view reports the
/// same <see cref="IClusterView.NodesVersion"/>: at thousands of Nodes, computing them again for each of
/// thousands of Services would dominate a full audit. A view without a Node version gets them computed
/// for each analysis, as before. Safe to share between threads.
/// </summary>
internal sealed class SourceWeightsCache
{
    private volatile Entry? _last;

    public IReadOnlyDictionary<string, double> ByZone(IClusterView view) => For(view).Zone.Value;

    public IReadOnlyDictionary<string, double> ByNode(IClusterView view) => For(view).Node.Value;

    private Entry For(IClusterView view)
    {
        // The version is read before the Nodes: a change in between stores newer weights under an older
        // version, which the next analysis sees as stale and computes again.
        if (view.NodesVersion is not { } version)
        {
            return new Entry(view, null, view.Nodes);
        }

        if (_last is { } last && ReferenceEquals(last.View, view) && last.Version == version)
        {
            return last;
        }

        var entry = new Entry(view, version, view.Nodes);
        _last = entry;
        return entry;
    }

    private sealed class Entry(IClusterView view, long? version, IReadOnlyCollection<NodeInfo> nodes)
    {
        public IClusterView View { get; } = view;

        public long? Version { get; } = version;

        public Lazy<IReadOnlyDictionary<string, double>> Zone { get; } = new(() => SourceWeights.ByZone(nodes));

        public Lazy<IReadOnlyDictionary<string, double>> Node { get; } = new(() => SourceWeights.ByNode(nodes));
    }
}
