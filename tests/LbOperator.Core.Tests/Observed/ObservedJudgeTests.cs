using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Core.Observed;
using LbOperator.Core.Tests.Builders;
using static LbOperator.Core.Tests.Builders.Objects;
using static LbOperator.Core.Tests.Observed.ObservedWorld;

namespace LbOperator.Core.Tests.Observed;

public sealed class ObservedJudgeTests
{
    [Theory]
    [InlineData(1.0, null)]
    [InlineData(1.5, null)]
    [InlineData(1.51, Severity.Warning)]
    [InlineData(2.0, Severity.Warning)]
    [InlineData(2.01, Severity.Error)]
    public void The_observed_skew_is_judged_with_the_lb001_thresholds(double skew, Severity? level)
    {
        Assert.Equal(level, ObservedJudge.LevelOf(skew, AnalysisPolicy.Default));
    }

    [Fact]
    public void An_even_configuration_with_a_hot_pod_is_not_explained_and_the_message_names_pods_nodes_shares_and_the_fix()
    {
        var view = new ClusterBuilder().WithPods("checkout", "node-a", "node-a", "node-b", "node-b").Build();
        var spread = ObservedComparer.Compare(Entry(view, ServiceRef("checkout")), ClusterRates(1, ("checkout-3", 5000), ("checkout-0", 1000), ("checkout-1", 1000), ("checkout-2", 1000))).Spread!;

        var finding = ObservedJudge.FindingFor(spread, Severity.Error, AnalysisPolicy.Default);

        Assert.Equal(("LB007", "ObservedTrafficSkew", Severity.Error, ServiceRef("checkout"), "checkout", 2.5),
            (finding.RuleId, finding.RuleName, finding.Severity, finding.Object, finding.EntryPoint, finding.Skew));
        Assert.Equal(
            "checkout: observed skew 2.5× its fair share of 25% (limit 2.0); hottest: checkout-3 on node-b 62.5% observed vs 25% expected; "
            + "largest gap checkout-3 +37.5 points. This is " + ObservedJudge.Unexplained + " (configured skew 1.0×). Fix: " + ObservedJudge.UnexplainedFix + ".",
            finding.Message);
    }

    [Fact]
    public void A_skew_the_configuration_predicts_matches_lb001()
    {
        var view = new ClusterBuilder()
            .With(Node("node-a")).With(Node("node-b"))
            .With(Service("web", ServiceType.LoadBalancer) with { ExternalTrafficPolicy = TrafficPolicy.Local })
            .With(Slice("web", "web-abc", Pod("web-0", "node-a"), Pod("web-1", "node-a"), Pod("web-2", "node-a"), Pod("web-3", "node-b")))
            .Build();
        var spread = ObservedComparer.Compare(Entry(view, ServiceRef("web")), ClusterRates(1, ("web-3", 3000), ("web-0", 1000), ("web-1", 1000), ("web-2", 1000))).Spread!;

        var finding = ObservedJudge.FindingFor(spread, Severity.Warning, AnalysisPolicy.Default);

        Assert.True(ObservedJudge.MatchesConfiguration(spread, AnalysisPolicy.Default));
        Assert.EndsWith("This matches the configuration (LB001, configured skew 2.0×). Fix: see LB001.", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_owner_annotations_raise_the_thresholds_and_ignore_opts_out()
    {
        var relaxed = Service("batch") with { Annotations = Annotations(("lb-operator.io/warn-skew", "3"), ("lb-operator.io/max-skew", "4")) };
        var ignored = Service("legacy") with { Annotations = Annotations(("lb-operator.io/ignore", "true")) };
        var view = new ClusterBuilder().With(relaxed).With(ignored).Build();

        var thresholds = ObservedJudge.ThresholdsFor(view, ServiceRef("batch"), AnalysisPolicy.Default);

        Assert.Equal((3.0, 4.0), (thresholds.WarnSkew, thresholds.MaxSkew));
        Assert.Null(ObservedJudge.LevelOf(2.5, thresholds));
        Assert.True(ObservedJudge.IsIgnored(view, ServiceRef("legacy")));
        Assert.False(ObservedJudge.IsIgnored(view, ServiceRef("batch")));
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData("LB004, lb007", null, false)]
    [InlineData("LB001", null, true)]
    [InlineData(null, "LB007", false)]
    public void LB007_is_turned_off_by_the_ignore_rules_annotation_or_the_policy(string? annotation, string? policyIgnores, bool reported)
    {
        var service = annotation is null ? Service("web") : Service("web") with { Annotations = Annotations(("lb-operator.io/ignore-rules", annotation)) };
        var view = new ClusterBuilder().With(service).Build();
        var policy = new AnalysisPolicy(IgnoredRules: policyIgnores is null ? null : new HashSet<string> { policyIgnores });

        Assert.Equal(reported, ObservedJudge.IsReported(view, ServiceRef("web"), policy));
    }
}
