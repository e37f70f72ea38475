using System.Globalization;
using LbOperator.Core.Analysis;
using LbOperator.Core.Analysis.Findings;
using LbOperator.Core.Model;

namespace LbOperator.Core.Observed;

/// <summary>
/// Judges an observed spread against the same thresholds as LB001 (the policy, overridden by the
/// owner's <c>lb-operator.io/warn-skew</c> and <c>max-skew</c>) and words the LB007 finding.
/// </summary>
public static class ObservedJudge
{
    public const string Unexplained =
        "not explained by configuration; typical causes: long-lived connections (HTTP/2, gRPC, keep-alive) balanced per connection, "
        + "client-side balancing, or a load balancer setting the model does not know";

    public const string UnexplainedFix =
        "balance per request, not per connection: put an L7 proxy or service mesh in front of HTTP/2 and gRPC servers, "
        + "use client-side round robin over a headless Service, or cap connection age on the server (gRPC MAX_CONNECTION_AGE, "
        + "HTTP keep-alive limits) so clients reconnect and spread";

    private const int HottestShown = 3;

    public static AnalysisPolicy ThresholdsFor(IClusterView view, ObjectRef owner, AnalysisPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var context = new AnalysisContext(view, policy);
        return ThresholdOverrides.Apply(policy, context.AnnotationsOf(owner), owner, problems: null);
    }

    /// <summary>True when the owner opts out with <c>lb-operator.io/ignore: "true"</c>.</summary>
    public static bool IsIgnored(IClusterView view, ObjectRef owner) => new AnalysisContext(view, AnalysisPolicy.Default).IsIgnored(owner);

    /// <summary>
    /// False when LB007 is turned off for the owner: by the policy (<c>--ignore-rule LB007</c>) or by its
    /// <c>lb-operator.io/ignore-rules</c> annotation, as for every other rule.
    /// </summary>
    public static bool IsReported(IClusterView view, ObjectRef owner, AnalysisPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var id = Rules.ObservedTrafficSkew.Id;
        return !policy.Ignores(id) && !ObjectAnnotations.IgnoresRule(new AnalysisContext(view, policy).AnnotationsOf(owner), id);
    }

    /// <summary>Error above the max skew, warning above the warn skew, else null (balanced enough).</summary>
    public static Severity? LevelOf(double observedSkew, AnalysisPolicy thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        return observedSkew > thresholds.MaxSkew ? Severity.Error
            : observedSkew > thresholds.WarnSkew ? Severity.Warning
            : null;
    }

    /// <summary>True when the configuration itself is skewed enough for LB001: the observation then matches it.</summary>
    public static bool MatchesConfiguration(ObservedSpread spread, AnalysisPolicy thresholds) =>
        spread.Expected.Skew > thresholds.WarnSkew;

    public static Finding FindingFor(ObservedSpread spread, Severity level, AnalysisPolicy thresholds)
    {
        ArgumentNullException.ThrowIfNull(spread);
        var entryPoint = spread.Expected.EntryPoint;
        var limit = level == Severity.Error ? thresholds.MaxSkew : thresholds.WarnSkew;
        var fair = 1.0 / spread.Expected.PoolSize;
        var hottest = spread.Endpoints.Where(e => e.Share > fair).Take(HottestShown).Select(Describe);
        var gap = spread.LargestGap;
        var explanation = MatchesConfiguration(spread, thresholds)
            ? string.Create(CultureInfo.InvariantCulture,
                $"This matches the configuration (LB001, configured skew {MessageText.Ratio(spread.Expected.Skew)}×). Fix: see LB001.")
            : string.Create(CultureInfo.InvariantCulture,
                $"This is {Unexplained} (configured skew {MessageText.Ratio(spread.Expected.Skew)}×). Fix: {UnexplainedFix}.");
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"{entryPoint.Name}: observed skew {MessageText.Ratio(spread.Skew)}× its fair share of {MessageText.Percent(fair)} (limit {MessageText.Ratio(limit)}); "
            + $"hottest: {string.Join(", ", hottest)}; largest gap {gap.Expected.Endpoint} {Points(gap.Gap)}. {explanation}");
        var rule = Rules.ObservedTrafficSkew;
        return new Finding(rule.Id, rule.Name, level, entryPoint.Owner, entryPoint.Name, message, Skew: spread.Skew);
    }

    private static string Describe(ObservedEndpoint endpoint)
    {
        var where = endpoint.Expected.Node is null ? string.Empty : " on " + endpoint.Expected.Node;
        return string.Create(CultureInfo.InvariantCulture,
            $"{endpoint.Expected.Endpoint}{where} {MessageText.Percent(endpoint.Share)} observed vs {MessageText.Percent(endpoint.Expected.Share)} expected");
    }

    /// <summary>+0.333 → "+33.3 points".</summary>
    private static string Points(double gap) =>
        (gap >= 0 ? "+" : "-") + MessageText.Number(Math.Round(Math.Abs(gap) * 100, 1)) + " points";
}
