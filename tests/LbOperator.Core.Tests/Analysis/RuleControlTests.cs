using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Core.Tests.Builders;
using static LbOperator.Core.Tests.Builders.Objects;

namespace LbOperator.Core.Tests.Analysis;

public sealed class RuleControlTests
{
    /// <summary>The outage replay with session affinity: LB001 (error) and LB006 (info) on one Service.</summary>
    private static InMemoryClusterView Outage(params (string Key, string Value)[] annotations) =>
        new ClusterBuilder()
            .With(Service("checkout", ServiceType.LoadBalancer) with
            {
                ExternalTrafficPolicy = TrafficPolicy.Local,
                SessionAffinity = SessionAffinity.ClientIP,
                Annotations = Annotations(annotations),
            })
            .Pods("checkout", ("node-a", 5), ("node-b", 1))
            .Build();

    [Theory]
    [InlineData("LB001", new[] { "LB006" })]
    [InlineData("LB006", new[] { "LB001" })]
    [InlineData(" lb001 , LB006 ", new string[0])]
    [InlineData("LB004", new[] { "LB001", "LB006" })]
    public void The_ignore_rules_annotation_drops_those_findings_on_the_object(string value, string[] remaining)
    {
        var report = Analyzed.Of(Outage(("lb-operator.io/ignore-rules", value)), ServiceRef("checkout"));

        Assert.Equal(remaining, report.Findings.Select(f => f.RuleId).Order());
        Assert.Single(report.EntryPoints);
    }

    [Fact]
    public void Rules_ignored_by_the_policy_are_dropped_everywhere()
    {
        var policy = AnalysisPolicy.Default with { IgnoredRules = new HashSet<string> { "LB001" } };

        var report = new TrafficAnalyzer(policy).AnalyzeAll(Outage());

        Assert.Equal(["LB006"], report.Findings.Select(f => f.RuleId));
    }

    [Fact]
    public void The_catalogue_owns_help_and_event_reason_for_every_rule()
    {
        Assert.All(Rules.All, rule =>
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Help));
            Assert.Matches("^[A-Z][A-Za-z]+$", rule.EventReason);
            Assert.Same(rule, Rules.Find(rule.Id.ToLowerInvariant()));
            Assert.Equal(rule, Rules.All[Rules.IndexOf(rule.Id)]);
        });
    }
}
