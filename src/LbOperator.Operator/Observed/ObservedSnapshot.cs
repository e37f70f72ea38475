using LbOperator.Core.Analysis;
using LbOperator.Core.Observed;

namespace LbOperator.Operator.Observed;

/// <summary>
/// The latest observed state, replaced whole after each interval and read by the metrics at scrape
/// time (and by tests): the spreads currently known and the LB007 findings currently reported.
/// </summary>
public sealed class ObservedSnapshot
{
    /// <summary>Pods per entry point whose expected and observed shares are exported.</summary>
    public const int PodsExported = 5;

    private volatile State _state = new([], []);

    public IReadOnlyList<ObservedSpread> Current() => _state.Spreads;

    public IReadOnlyList<Finding> Findings => _state.Findings;

    public void Replace(IReadOnlyList<ObservedSpread> spreads, IReadOnlyList<Finding> findings) =>
        _state = new State(spreads, findings);

    private sealed record State(IReadOnlyList<ObservedSpread> Spreads, IReadOnlyList<Finding> Findings);
}
