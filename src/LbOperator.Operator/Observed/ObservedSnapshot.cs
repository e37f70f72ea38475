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

    private volatile State _state = new([], [], null);

    public IReadOnlyList<ObservedSpread> Current() => _state.Spreads;

    public IReadOnlyList<Finding> Findings => _state.Findings;

    /// <summary>The spreads and findings of the same interval, read together.</summary>
    public (IReadOnlyList<ObservedSpread> Spreads, IReadOnlyList<Finding> Findings) Read()
    {
        var state = _state;
        return (state.Spreads, state.Findings);
    }

    /// <summary>The evaluation time of the last interval that finished, Events included; null before the first.</summary>
    public DateTimeOffset? CompletedAt => _state.CompletedAt;

    public void Replace(IReadOnlyList<ObservedSpread> spreads, IReadOnlyList<Finding> findings) =>
        _state = _state with { Spreads = spreads, Findings = findings };

    public void Completed(DateTimeOffset at) => _state = _state with { CompletedAt = at };

    private sealed record State(IReadOnlyList<ObservedSpread> Spreads, IReadOnlyList<Finding> Findings, DateTimeOffset? CompletedAt);
}
