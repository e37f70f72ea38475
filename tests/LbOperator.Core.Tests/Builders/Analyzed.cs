using LbOperator.Core.Analysis;
using LbOperator.Core.Model;

namespace LbOperator.Core.Tests.Builders;

/// <summary>Runs the analyzer with the default policy and picks results out of the report.</summary>
internal static class Analyzed
{
    public static AnalysisReport Of(IClusterView view, ObjectRef target, AnalysisPolicy? policy = null) =>
        new TrafficAnalyzer(policy ?? AnalysisPolicy.Default).Analyze(view, target);

    public static EntryPointResult ServiceEntry(IClusterView view, string service) =>
        Assert.Single(Of(view, Objects.ServiceRef(service)).EntryPoints);

    public static double ShareOf(this EntryPointResult result, string endpoint) =>
        result.Endpoints.Single(e => e.Endpoint == endpoint).Share;

    public static Finding[] WithRule(this AnalysisReport report, string ruleId) =>
        report.Findings.Where(f => f.RuleId == ruleId).ToArray();
}
