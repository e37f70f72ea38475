using LbOperator.Core.Analysis;
using LbOperator.Core.Tests.Builders;
using static LbOperator.Core.Tests.Builders.Objects;

namespace LbOperator.Core.Tests.Analysis.Services;

public sealed class ServiceRulesTests
{
    [Theory]
    [InlineData(2, 0, true)]
    [InlineData(3, 0, true)]
    [InlineData(1, 0, false)]
    [InlineData(2, 1, false)]
    public void Two_or_more_ready_endpoints_on_one_node_are_a_single_failure_domain(int onA, int onB, bool flagged)
    {
        var view = new ClusterBuilder().ServiceWithPods("web", ("node-a", onA), ("node-b", onB)).Build();

        var findings = Analyzed.Of(view, ServiceRef("web")).WithRule("LB004");

        Assert.Equal(flagged, findings.Length == 1);
        if (flagged)
        {
            Assert.Equal(Severity.Warning, findings[0].Severity);
            Assert.StartsWith($"web: all {onA} ready endpoints run on node node-a", findings[0].Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(3, 1, true)]
    [InlineData(2, 2, false)]
    [InlineData(1, 3, false)]
    public void More_than_half_of_the_endpoints_not_ready_is_flagged(int notReady, int ready, bool flagged)
    {
        var endpoints = Enumerable.Range(0, notReady).Select(i => Endpoint($"down-{i}", $"node-{i}", ready: false))
            .Concat(Enumerable.Range(0, ready).Select(i => Endpoint($"up-{i}", $"node-{i}")))
            .ToArray();
        var view = new ClusterBuilder().With(Service("web")).With(Slice("web", "s1", endpoints)).Build();

        var findings = Analyzed.Of(view, ServiceRef("web")).WithRule("LB005");

        Assert.Equal(flagged, findings.Length == 1);
        if (flagged)
        {
            Assert.Equal(Severity.Warning, findings[0].Severity);
            Assert.StartsWith($"web: {notReady} of {notReady + ready} endpoints are not ready", findings[0].Message, StringComparison.Ordinal);
        }
    }
}
