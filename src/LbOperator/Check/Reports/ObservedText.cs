using System.Globalization;
using LbOperator.Core.Observed;

namespace LbOperator.Check.Reports;

/// <summary>The line under an entry point's configured spread that says what Prometheus showed.</summary>
internal static class ObservedText
{
    /// <returns>
    /// Null when the entry point was not observed, or its query failed (stderr says why once, so the
    /// report is the configuration's alone there).
    /// </returns>
    public static string? Summary(ObservedComparison? comparison) => comparison?.Status switch
    {
        ObservedStatus.Judged when comparison.Spread is { } spread => string.Create(
            CultureInfo.InvariantCulture,
            $"observed: skew {TextReport.Ratio(spread.Skew)}, {Rate(spread.TotalRate)} in total by {(spread.ByClusterQuery ? "the cluster query" : "its own query")}"),
        ObservedStatus.Idle => "observed: idle (less traffic than the minimum rate), not judged",
        ObservedStatus.NotComparable => "observed: not comparable (an endpoint is not a Pod, or its backends are measured by different queries), not judged",
        _ => null,
    };

    /// <summary>8000 → "8000/s", 2.5 → "2.5/s": the unit is the query's (bytes or requests).</summary>
    private static string Rate(double perSecond) =>
        perSecond.ToString(perSecond >= 100 ? "0" : "0.###", CultureInfo.InvariantCulture) + "/s";
}
