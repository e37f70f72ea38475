using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Core.Observed;

namespace LbOperator.Core.Tests.Observed;

public sealed class ObservedTrackerTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private static readonly ObservedTracker Tracker = new(SustainFor: 3, StaleAfter: Interval * 3);

    /// <summary>
    /// One letter per interval: W skewed (warning), E skewed (error), B balanced, I idle or not
    /// comparable, U Prometheus unavailable. The expected transitions, one letter per interval: . none,
    /// R raised, S severity changed, C cleared, X expired.
    /// </summary>
    [Theory]
    [InlineData("WW", "..")]
    [InlineData("WWW", "..R")]
    [InlineData("WWWW", "..R.")]
    [InlineData("WWBWW", ".....")]
    [InlineData("WWWBBB", "..R..C")]
    [InlineData("WWWBBWBBB", "..R.....C")]
    [InlineData("WWWIII", "..R..C")]
    [InlineData("WWWE", "..RS")]
    [InlineData("WWEE", "..R.")]
    [InlineData("WWWUU", "..R..")]
    [InlineData("WWWUUU", "..R..X")]
    [InlineData("WWWUUW", "..R...")]
    [InlineData("WWUUU", ".....")]
    [InlineData("UUUU", "....")]
    [InlineData("WWWUUUWW", "..R..X..")]
    [InlineData("WWWUUUWWW", "..R..X..R")]
    public void Lb007_is_raised_and_cleared_only_after_three_intervals_and_expires_after_three_without_prometheus(string inputs, string expected)
    {
        ObservedTrack? track = null;
        var transitions = new List<char>();
        for (var i = 0; i < inputs.Length; i++)
        {
            ObservedTransition transition;
            (track, transition) = Tracker.Step(track, Input(inputs[i]), Start + (Interval * (i + 1)));
            transitions.Add(transition switch
            {
                ObservedTransition.None => '.',
                ObservedTransition.Raised => 'R',
                ObservedTransition.SeverityChanged => 'S',
                ObservedTransition.Cleared => 'C',
                ObservedTransition.Expired => 'X',
                _ => '?',
            });
        }

        Assert.Equal(expected, new string([.. transitions]));
    }

    [Fact]
    public void The_reported_finding_follows_the_latest_skewed_interval()
    {
        var (track, _) = Tracker.Step(null, Input('W'), Start);
        (track, _) = Tracker.Step(track, Input('W'), Start + Interval);
        (track, _) = Tracker.Step(track, Input('E'), Start + (Interval * 2));

        Assert.Equal(Severity.Error, track!.Reported!.Severity);
    }

    [Fact]
    public void Nothing_is_remembered_for_an_entry_point_that_is_neither_reported_nor_heating_up()
    {
        Assert.Null(Tracker.Step(null, ObservedInput.Balanced, Start).Next);
        Assert.Null(Tracker.Step(null, ObservedInput.NotJudged, Start).Next);
        Assert.Null(Tracker.Step(null, ObservedInput.Unavailable, Start).Next);
    }

    private static ObservedInput Input(char letter) => letter switch
    {
        'W' => ObservedInput.Skewed(Finding(Severity.Warning)),
        'E' => ObservedInput.Skewed(Finding(Severity.Error)),
        'B' => ObservedInput.Balanced,
        'I' => ObservedInput.NotJudged,
        _ => ObservedInput.Unavailable,
    };

    private static Finding Finding(Severity severity) =>
        new("LB007", "ObservedTrafficSkew", severity, new ObjectRef(ObjectKind.Service, "shop", "web"), "web", "observed skew", Skew: 2.5);
}
