using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Core.Tests.Builders;
using static LbOperator.Core.Tests.Builders.Objects;

namespace LbOperator.Core.Tests.Analysis;

public sealed class ThresholdTests
{
    /// <summary>The outage replay: skew 3.0.</summary>
    private static InMemoryClusterView Outage(params (string Key, string Value)[] annotations) =>
        new ClusterBuilder()
            .With(Service("checkout", ServiceType.LoadBalancer) with { ExternalTrafficPolicy = TrafficPolicy.Local, Annotations = Annotations(annotations) })
            .Pods("checkout", ("node-a", 5), ("node-b", 1))
            .Build();

    [Theory]
    [InlineData(1.5, 2.0, Severity.Error)]
    [InlineData(1.5, 3.0, Severity.Warning)]
    [InlineData(3.0, 4.0, null)]
    [InlineData(2.9, 3.5, Severity.Warning)]
    public void The_policy_sets_warning_and_error_thresholds(double warn, double max, Severity? expected)
    {
        var report = Analyzed.Of(Outage(), ServiceRef("checkout"), new AnalysisPolicy(warn, max));

        Assert.Equal(expected, report.WithRule("LB001").Select(f => (Severity?)f.Severity).SingleOrDefault());
    }

    [Theory]
    [InlineData(null, "3.5", Severity.Warning)]
    [InlineData("3", "4", null)]
    [InlineData("1.1", "2.5", Severity.Error)]
    public void Annotations_on_the_object_override_the_policy(string? warn, string? max, Severity? expected)
    {
        var annotations = new List<(string, string)>();
        if (warn is not null)
        {
            annotations.Add(("lb-operator.io/warn-skew", warn));
        }

        if (max is not null)
        {
            annotations.Add(("lb-operator.io/max-skew", max));
        }

        var report = Analyzed.Of(Outage([.. annotations]), ServiceRef("checkout"), new AnalysisPolicy(1.5, 2.8));

        Assert.Equal(expected, report.WithRule("LB001").Select(f => (Severity?)f.Severity).SingleOrDefault());
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("NaN")]
    public void An_unparsable_override_is_ignored_and_noted(string value)
    {
        var report = Analyzed.Of(Outage(("lb-operator.io/max-skew", value)), ServiceRef("checkout"));

        Assert.Equal(Severity.Error, Assert.Single(report.WithRule("LB001")).Severity);
        Assert.Contains(
            $"annotation lb-operator.io/max-skew on Service/shop/checkout: \"{value}\" is not a positive number and is ignored; using 2.0",
            Assert.Single(report.EntryPoints).Notes);
    }
}
