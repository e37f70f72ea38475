using LbOperator.Core.Analysis;
using LbOperator.Core.Observed;

namespace LbOperator.Operator.Observed;

/// <summary>
/// Every entry point's observed state across intervals: the <see cref="ObservedTracker"/> step per
/// entry point, plus its latest spread (kept through failed intervals until stale). Entry points that
/// are gone are forgotten. Used by one interval at a time.
/// </summary>
public sealed class ObservedTracks(ObservedTracker tracker)
{
    private Dictionary<ObservedKey, Entry> _entries = [];

    /// <summary>One entry point to advance: its comparison this interval and its thresholds.</summary>
    public readonly record struct Judgement(EntryPointResult Expected, ObservedComparison Comparison, AnalysisPolicy Thresholds);

    /// <summary>What one interval changed.</summary>
    /// <param name="Dropped">Entry points whose reported finding was dropped without a verdict (expired, or the entry point is gone).</param>
    public sealed record Step(IReadOnlyList<(ObservedKey Key, ObservedTransition Transition)> Transitions, IReadOnlySet<ObservedKey> Dropped);

    public Step Advance(IEnumerable<Judgement> judgements, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(judgements);
        var next = new Dictionary<ObservedKey, Entry>();
        var transitions = new List<(ObservedKey, ObservedTransition)>();
        var dropped = new HashSet<ObservedKey>();
        foreach (var judgement in judgements)
        {
            var entryPoint = judgement.Expected.EntryPoint;
            var key = new ObservedKey(entryPoint.Owner, entryPoint.Name);
            var previous = _entries.GetValueOrDefault(key);
            var input = ObservedTracker.InputFor(judgement.Comparison, judgement.Thresholds);
            var (track, transition) = tracker.Step(previous?.Track, input, now);
            if (transition != ObservedTransition.None)
            {
                transitions.Add((key, transition));
            }

            if (transition == ObservedTransition.Expired)
            {
                dropped.Add(key);
            }

            var spread = judgement.Comparison.Spread is { } fresh ? (fresh, now)
                : input.Kind == ObservedInputKind.Unavailable && previous?.Spread is { } kept && now - previous.SpreadAt < tracker.StaleAfter ? (kept, previous.SpreadAt)
                : ((ObservedSpread?)null, now);
            if (track is not null || spread.Item1 is not null)
            {
                next[key] = new Entry(track, spread.Item1, spread.Item2);
            }

            _entries.Remove(key);
        }

        foreach (var (key, gone) in _entries)
        {
            if (gone.Track?.Reported is not null)
            {
                dropped.Add(key);
            }
        }

        _entries = next;
        return new Step(transitions, dropped);
    }

    /// <summary>The LB007 findings currently reported, in a stable order.</summary>
    public IReadOnlyList<Finding> Reported() =>
        [.. _entries.Values.Select(e => e.Track?.Reported).OfType<Finding>().OrderBy(f => f.Object.ToString(), StringComparer.Ordinal).ThenBy(f => f.EntryPoint, StringComparer.Ordinal)];

    /// <summary>The spreads currently known (judged this interval, or kept through failures), in a stable order.</summary>
    public IReadOnlyList<ObservedSpread> Spreads() =>
        [.. _entries.OrderBy(e => e.Key.Owner.ToString(), StringComparer.Ordinal).ThenBy(e => e.Key.EntryPoint, StringComparer.Ordinal)
            .Select(e => e.Value.Spread).OfType<ObservedSpread>()];

    public ObservedSpread? SpreadOf(ObservedKey key) => _entries.GetValueOrDefault(key)?.Spread;

    private sealed record Entry(ObservedTrack? Track, ObservedSpread? Spread, DateTimeOffset SpreadAt);
}
