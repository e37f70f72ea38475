using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Core.Observed;
using LbOperator.Kubernetes.Observed;
using LbOperator.Runtime.Events;
using LbOperator.Operator.Tests.Support;

namespace LbOperator.Operator.Tests.Observed;

/// <summary>The observed-traffic scenarios against a real Prometheus serving <see cref="ObservedSeries"/>.</summary>
public sealed class ObservedTrafficMonitorTests(PrometheusFixture prometheus) : IClassFixture<PrometheusFixture>
{
    private Uri Url => prometheus.Server.Url;

    [PrometheusFact]
    public async Task A_balanced_configuration_with_a_skewed_observation_gives_LB007_not_explained_after_three_intervals()
    {
        using var harness = new ObservedHarness(Url, ObservedSeries.FirstPhase).WithNodes()
            .WithService("obs", "web", null, "ClusterIP", null, "node-1", "node-1", "node-2", "node-2");

        await harness.RunIntervalsAsync(2);
        Assert.Null(harness.Reported("obs", "web"));
        Assert.Empty(harness.Events.Written);

        await harness.RunIntervalsAsync(1);

        var finding = harness.Reported("obs", "web");
        Assert.NotNull(finding);
        Assert.Equal(("LB007", "ObservedTrafficSkew", Severity.Error, 2.5), (finding.RuleId, finding.RuleName, finding.Severity, finding.Skew));
        Assert.Contains("web-abc-pod-0 on node-1 62.5% observed vs 25% expected", finding.Message, StringComparison.Ordinal);
        Assert.Contains(ObservedJudge.Unexplained, finding.Message, StringComparison.Ordinal);
        Assert.Contains("configured skew 1.0×", finding.Message, StringComparison.Ordinal);
        var written = Assert.Single(harness.EventsOn("obs", "web"));
        Assert.Equal((EventTypes.Warning, EventReasons.ObservedTrafficSkewed, finding.Message), written);

        harness.Metrics.Refresh();
        Assert.Equal(2.5, harness.Metrics.Skew.WithLabels("obs", "Service", "web", "web").Value, 6);
        Assert.Equal(0.625, harness.Metrics.PodShare.WithLabels("obs", "Service", "web", "web", "web-abc-pod-0", "node-1", "observed").Value, 6);
        Assert.Equal(0.25, harness.Metrics.PodShare.WithLabels("obs", "Service", "web", "web", "web-abc-pod-0", "node-1", "expected").Value, 6);
    }

    [PrometheusFact]
    public async Task A_service_that_ignores_LB007_by_annotation_gets_no_observed_finding()
    {
        using var harness = new ObservedHarness(Url, ObservedSeries.FirstPhase).WithNodes()
            .WithService("obs", "web", null, "ClusterIP", new Dictionary<string, string> { ["lb-operator.io/ignore-rules"] = "LB007" }, "node-1", "node-1", "node-2", "node-2");

        await harness.RunIntervalsAsync(3);

        Assert.Null(harness.Reported("obs", "web"));
        Assert.Empty(harness.Events.Written);
    }

    [PrometheusFact]
    public async Task A_skewed_configuration_observed_as_configured_gives_LB001_and_LB007_matching_it()
    {
        using var harness = new ObservedHarness(Url, ObservedSeries.FirstPhase).WithNodes()
            .WithService("obs", "local", "Local", "LoadBalancer", null, "node-1", "node-1", "node-1", "node-2");

        await harness.RunIntervalsAsync(3);

        var finding = harness.Reported("obs", "local");
        Assert.NotNull(finding);
        Assert.Equal((Severity.Warning, 2.0), (finding.Severity, finding.Skew));
        Assert.Contains("matches the configuration (LB001, configured skew 2.0×)", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ObservedJudge.Unexplained, finding.Message, StringComparison.Ordinal);
        var configured = new TrafficAnalyzer(AnalysisPolicy.Default).Analyze(harness.View, new ObjectRef(ObjectKind.Service, "obs", "local"));
        Assert.Equal(Severity.Warning, Assert.Single(configured.Findings, f => f.RuleId == "LB001").Severity);
    }

    [PrometheusFact]
    public async Task An_idle_service_is_not_judged()
    {
        using var harness = new ObservedHarness(Url, ObservedSeries.FirstPhase).WithNodes()
            .WithService("obs", "quiet", null, "ClusterIP", null, "node-1", "node-1", "node-2", "node-2");

        await harness.RunIntervalsAsync(4);

        Assert.Null(harness.Reported("obs", "quiet"));
        Assert.Empty(harness.Snapshot.Current());
        Assert.Empty(harness.Events.Written);
    }

    [PrometheusFact]
    public async Task A_service_with_its_own_request_query_is_judged_on_requests_not_bytes()
    {
        var annotations = new Dictionary<string, string> { [ObservedQueries.Annotation] = ObservedSeries.RequestQuery };
        using var harness = new ObservedHarness(Url, ObservedSeries.FirstPhase).WithNodes()
            .WithService("obs", "checkout", null, "ClusterIP", annotations, "node-1", "node-1", "node-2", "node-2");

        await harness.RunIntervalsAsync(3);

        var finding = harness.Reported("obs", "checkout");
        Assert.NotNull(finding);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(30.0 / 45 * 4, finding.Skew!.Value, 6);
        Assert.Contains("checkout-abc-pod-0 on node-1 66.7% observed", finding.Message, StringComparison.Ordinal);
    }

    [PrometheusFact]
    public async Task A_service_query_without_a_pod_label_gives_one_event_on_the_service_and_no_verdict()
    {
        var annotations = new Dictionary<string, string> { [ObservedQueries.Annotation] = ObservedSeries.RequestQueryWithoutPod };
        using var harness = new ObservedHarness(Url, ObservedSeries.FirstPhase).WithNodes()
            .WithService("obs", "nopod", null, "ClusterIP", annotations, "node-1", "node-1", "node-2", "node-2");

        await harness.RunIntervalsAsync(4);

        var written = Assert.Single(harness.EventsOn("obs", "nopod"));
        Assert.Equal((EventTypes.Warning, EventReasons.ObservedQueryInvalid), (written.Type, written.Reason));
        Assert.Contains("none has a 'pod' label", written.Message, StringComparison.Ordinal);
        Assert.Null(harness.Reported("obs", "nopod"));
    }

    [PrometheusFact]
    public async Task A_cluster_query_without_a_pod_label_is_logged_once()
    {
        using var harness = new ObservedHarness(Url, ObservedSeries.FirstPhase, options => options.Query = $"sum by (namespace) (rate({ObservedSeries.Bytes}[$window]))")
            .WithNodes().WithService("obs", "web", null, "ClusterIP", null, "node-1", "node-1", "node-2", "node-2");

        await harness.RunIntervalsAsync(3);

        Assert.Single(harness.Log.Messages, m => m.Contains("without a 'pod' label", StringComparison.Ordinal));
        Assert.Null(harness.Reported("obs", "web"));
    }

    [PrometheusFact]
    public async Task An_observation_that_evens_out_clears_LB007_after_three_intervals_with_a_balanced_event()
    {
        using var harness = new ObservedHarness(Url, ObservedSeries.FirstPhase).WithNodes()
            .WithService("live", "web", null, "ClusterIP", null, "node-1", "node-1", "node-2", "node-2");
        await harness.RunIntervalsAsync(3);
        Assert.NotNull(harness.Reported("live", "web"));

        harness.Time.SetUtcNow(ObservedSeries.SecondPhase);
        await harness.RunIntervalsAsync(2);
        Assert.NotNull(harness.Reported("live", "web"));
        await harness.RunIntervalsAsync(1);

        Assert.Null(harness.Reported("live", "web"));
        Assert.Equal(
            [EventReasons.ObservedTrafficSkewed, EventReasons.ObservedTrafficBalanced],
            harness.EventsOn("live", "web").Select(e => e.Reason));
        Assert.Contains("back to 1.0×", harness.EventsOn("live", "web")[^1].Message, StringComparison.Ordinal);
    }
}
