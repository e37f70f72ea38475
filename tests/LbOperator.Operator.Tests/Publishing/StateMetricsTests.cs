using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Operator.Changes;
using LbOperator.Operator.Metrics;
using LbOperator.Operator.Publishing;
using LbOperator.Operator.Tests.Support;
using LbOperator.Runtime.Metrics;

namespace LbOperator.Operator.Tests.Publishing;

public sealed class StateMetricsTests
{
    private static readonly string[] Families =
        ["lb_operator_traffic_skew_ratio", "lb_operator_blackholed_traffic_ratio", "lb_operator_findings", "lb_operator_endpoint_traffic_share", "lb_operator_config_changes_total"];

    private readonly PublishedStates _states = new();
    private readonly MetricsExposition _exposition;

    public StateMetricsTests() => _exposition = new MetricsExposition(Prometheus.Metrics.NewCustomRegistry(), [new StateMetrics(_states)]);

    [Fact]
    public void A_published_object_is_written_as_documented_with_escaped_label_values()
    {
        var route = new ObjectRef(ObjectKind.HttpRoute, "shop", "web");
        _states.Set(State(route, ("rule \"a\"\\0", 3.0, 0.25), ("rule-1", 1.0, 0.0)));
        _states.CountConfigChange(route);
        _states.CountConfigChange(route);

        var lines = StateLines();

        Assert.Equal(
        [
            "# HELP lb_operator_traffic_skew_ratio Max endpoint share divided by the even share (1.0 = perfectly even).",
            "# TYPE lb_operator_traffic_skew_ratio gauge",
            "lb_operator_traffic_skew_ratio{namespace=\"shop\",kind=\"HTTPRoute\",name=\"web\",entry_point=\"rule \\\"a\\\"\\\\0\"} 3",
            "lb_operator_traffic_skew_ratio{namespace=\"shop\",kind=\"HTTPRoute\",name=\"web\",entry_point=\"rule-1\"} 1",
            "# HELP lb_operator_blackholed_traffic_ratio Fraction of an entry point's traffic sent to no ready endpoint.",
            "# TYPE lb_operator_blackholed_traffic_ratio gauge",
            "lb_operator_blackholed_traffic_ratio{namespace=\"shop\",kind=\"HTTPRoute\",name=\"web\",entry_point=\"rule \\\"a\\\"\\\\0\"} 0.25",
            "lb_operator_blackholed_traffic_ratio{namespace=\"shop\",kind=\"HTTPRoute\",name=\"web\",entry_point=\"rule-1\"} 0",
            "# HELP lb_operator_findings 1 while a finding is present on an object.",
            "# TYPE lb_operator_findings gauge",
            "lb_operator_findings{rule=\"LB001\",severity=\"error\",namespace=\"shop\",kind=\"HTTPRoute\",name=\"web\"} 1",
            "# HELP lb_operator_endpoint_traffic_share Share of a Service's traffic received by the endpoints on one node.",
            "# TYPE lb_operator_endpoint_traffic_share gauge",
            "lb_operator_endpoint_traffic_share{namespace=\"shop\",service=\"web\",node=\"node-1\"} 0.75",
            "# HELP lb_operator_config_changes_total Load-balancing configuration changes observed.",
            "# TYPE lb_operator_config_changes_total counter",
            "lb_operator_config_changes_total{namespace=\"shop\",kind=\"HTTPRoute\"} 2",
        ], lines);
    }

    [Fact]
    public void A_deleted_object_has_no_series_at_the_next_scrape_and_the_others_keep_theirs()
    {
        var web = new ObjectRef(ObjectKind.Service, "shop", "web");
        var api = new ObjectRef(ObjectKind.Service, "shop", "api");
        _states.Set(State(web, ("web", 3.0, 0.0)));
        _states.Set(State(api, ("api", 1.0, 0.0)));
        Assert.Equal(2, Scrape.Now(_exposition).Series(StateMetrics.TrafficSkew.Name).Count);

        _states.Remove(web);

        var scraped = Scrape.Now(_exposition);
        Assert.Equal([["shop", "Service", "api", "api"]], scraped.Series(StateMetrics.TrafficSkew.Name));
        Assert.Equal([["LB001", "error", "shop", "Service", "api"]], scraped.Series(StateMetrics.Findings.Name));
        Assert.Equal([["shop", "api", "node-1"]], scraped.Series(StateMetrics.EndpointTrafficShare.Name));
        Assert.Null(scraped.Value(StateMetrics.TrafficSkew.Name, "shop", "Service", "web", "web"));
    }

    [Fact]
    public void Many_objects_are_written_whole_across_the_writer_chunks()
    {
        var targets = Enumerable.Range(0, 3000).Select(i => new ObjectRef(ObjectKind.Service, "shop", $"web-{i}")).ToArray();
        foreach (var target in targets)
        {
            _states.Set(State(target, ("web", 2.0, 0.5)));
        }

        var scraped = Scrape.Now(_exposition);

        Assert.Equal(targets.Select(target => target.Name).Order(StringComparer.Ordinal),
            scraped.Series(StateMetrics.EndpointTrafficShare.Name).Select(labels => labels[1]).Order(StringComparer.Ordinal));
        Assert.All(targets, target => Assert.Equal(0.5, scraped.Value(StateMetrics.BlackholedTraffic.Name, "shop", "Service", target.Name, "web")));
        Assert.Single(scraped.Comments, line => line == "# TYPE lb_operator_findings gauge");
    }

    [Fact]
    public void Without_published_objects_no_state_family_is_written_and_the_instruments_still_are()
    {
        _states.Set(State(new ObjectRef(ObjectKind.Service, "shop", "web"), ("web", 3.0, 0.0)));
        _states.Remove(new ObjectRef(ObjectKind.Service, "shop", "web"));
        new OperatorMetrics(_exposition).QueueDepth.Set(4);

        var scraped = Scrape.Now(_exposition);

        Assert.Empty(StateLines());
        Assert.Contains("lb_operator_workqueue_depth 4", scraped.Text.Split('\n'));
    }

    private string[] StateLines() =>
        Scrape.Now(_exposition).Text.Split('\n')
            .Where(line => Families.Any(family => line.StartsWith(family, StringComparison.Ordinal) || line.StartsWith($"# HELP {family} ", StringComparison.Ordinal) || line.StartsWith($"# TYPE {family} ", StringComparison.Ordinal)))
            .ToArray();

    private static PublishedState State(ObjectRef target, params (string EntryPoint, double Skew, double Blackholed)[] entryPoints)
    {
        var finding = new Finding("LB001", "TrafficSkew", Severity.Error, target, entryPoints[0].EntryPoint, "skewed", Skew: entryPoints[0].Skew);
        return new PublishedState(target, LoadBalancingConfig.Empty,
            new Dictionary<FindingKey, PublishedFinding> { [new FindingKey("LB001", entryPoints[0].EntryPoint)] = new(finding, finding) },
            entryPoints.ToDictionary(entry => entry.EntryPoint, entry => new EntryPointGauges(entry.Skew, entry.Blackholed)),
            new Dictionary<string, double> { ["node-1"] = 0.75 });
    }
}
