using LbOperator.ApiEmulator.Prometheus;
using LbOperator.Runtime.Events;
using LbOperator.Operator.Tests.Support;

namespace LbOperator.Operator.Tests.Observed;

/// <summary>Prometheus going away: findings hold, then go stale and are dropped without a verdict.</summary>
public sealed class ObservedPrometheusDownTests
{
    [PrometheusFact]
    public async Task While_prometheus_is_down_LB007_holds_for_three_intervals_then_is_dropped_without_a_balanced_event()
    {
        await using var server = await PrometheusServer.StartAsync(ObservedSeries.Build());
        using var harness = new ObservedHarness(server.Url, ObservedSeries.FirstPhase).WithNodes()
            .WithService("obs", "web", null, "ClusterIP", null, "node-1", "node-1", "node-2", "node-2");
        await harness.RunIntervalsAsync(3);
        Assert.NotNull(harness.Reported("obs", "web"));
        var lastSuccess = harness.Metrics.LastSuccess.Value;

        await server.StopAsync();
        await harness.RunIntervalsAsync(2);

        Assert.NotNull(harness.Reported("obs", "web"));
        harness.Metrics.Refresh();
        Assert.Equal(2.5, harness.Metrics.Skew.WithLabels("obs", "Service", "web", "web").Value, 6);
        Assert.Equal(2, harness.Metrics.QueryErrors.WithLabels("cluster").Value);
        Assert.Equal(lastSuccess, harness.Metrics.LastSuccess.Value);

        await harness.RunIntervalsAsync(1);

        Assert.Null(harness.Reported("obs", "web"));
        harness.Metrics.Refresh();
        Assert.DoesNotContain(harness.Metrics.Skew.GetAllLabelValues(), labels => labels[2] == "web");
        Assert.Equal([EventReasons.ObservedTrafficSkewed], harness.EventsOn("obs", "web").Select(e => e.Reason));
        Assert.Contains(harness.Log.Messages, m => m.Contains("stale and cleared", StringComparison.Ordinal));
    }

    [PrometheusFact]
    public async Task An_unreachable_prometheus_is_logged_at_most_once_a_minute_and_every_failure_is_counted()
    {
        await using var server = await PrometheusServer.StartAsync(ObservedSeries.Build());
        await server.StopAsync();
        using var harness = new ObservedHarness(server.Url, ObservedSeries.FirstPhase, options => options.Interval = "20s");

        for (var i = 0; i < 6; i++)
        {
            await harness.Monitor.RunIntervalAsync(CancellationToken.None);
            harness.Time.Advance(TimeSpan.FromSeconds(20));
        }

        Assert.Equal(6, harness.Metrics.QueryErrors.WithLabels("cluster").Value);
        Assert.Equal(2, harness.Log.Messages.Count(m => m.Contains("query failed", StringComparison.Ordinal)));
        Assert.Equal(0, harness.Metrics.LastSuccess.Value);
    }
}
