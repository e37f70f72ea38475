using LbOperator.Core.Analysis;

namespace LbOperator.Core.Observed;

/// <summary>
/// The LB007 decision as a pure state step. A finding is raised after <see cref="SustainFor"/>
/// consecutive skewed intervals and cleared after as many intervals that are not, so a burst neither
/// raises nor clears it. While Prometheus does not answer the state is kept; once it has not answered
/// for <see cref="StaleAfter"/> the state is dropped (expired, never reported as balanced).
/// </summary>
public sealed record ObservedTracker(int SustainFor, TimeSpan StaleAfter)
{
    /// <returns>The next state (null when there is nothing left to remember) and what changed.</returns>
    public (ObservedTrack? Next, ObservedTransition Transition) Step(ObservedTrack? previous, ObservedInput input, DateTimeOffset now)
    {
        var track = previous ?? new ObservedTrack(0, 0, null, now);
        switch (input.Kind)
        {
            case ObservedInputKind.Skewed:
                var finding = input.Finding ?? throw new ArgumentException("A skewed input carries its finding.", nameof(input));
                track = track with { Hot = track.Hot + 1, Cool = 0, LastObserved = now };
                if (track.Hot < SustainFor)
                {
                    return (track, ObservedTransition.None);
                }

                var transition = track.Reported is null ? ObservedTransition.Raised
                    : track.Reported.Severity != finding.Severity ? ObservedTransition.SeverityChanged
                    : ObservedTransition.None;
                return (track with { Reported = finding }, transition);

            case ObservedInputKind.Balanced:
            case ObservedInputKind.NotJudged:
                track = track with { Hot = 0, Cool = track.Cool + 1, LastObserved = now };
                if (track.Reported is null)
                {
                    return (null, ObservedTransition.None);
                }

                return track.Cool >= SustainFor ? (null, ObservedTransition.Cleared) : (track, ObservedTransition.None);

            default:
                if (previous is null)
                {
                    return (null, ObservedTransition.None);
                }

                if (now - track.LastObserved < StaleAfter)
                {
                    return (track, ObservedTransition.None);
                }

                return (null, track.Reported is null ? ObservedTransition.None : ObservedTransition.Expired);
        }
    }

    /// <summary>The input for a judged or unjudged comparison under the entry point's thresholds.</summary>
    public static ObservedInput InputFor(ObservedComparison comparison, AnalysisPolicy thresholds)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        if (comparison.Status == ObservedStatus.Unavailable)
        {
            return ObservedInput.Unavailable;
        }

        if (comparison.Status != ObservedStatus.Judged || comparison.Spread is not { } spread)
        {
            return ObservedInput.NotJudged;
        }

        return ObservedJudge.LevelOf(spread.Skew, thresholds) is { } level
            ? ObservedInput.Skewed(ObservedJudge.FindingFor(spread, level, thresholds))
            : ObservedInput.Balanced;
    }
}
