using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using k8s.Models;
using LbOperator.Chart.Tests.CustomResources;
using LbOperator.Chart.Tests.Infrastructure;
using LbOperator.Operator.Metrics;
using LbOperator.Operator.Observed;
using LbOperator.Operator.Publishing;
using LbOperator.Runtime.Events;
using LbOperator.Runtime.Metrics;
using LbOperator.Runtime.Writes;
using LbOperator.Webhook.Metrics;
using Prometheus;

namespace LbOperator.Chart.Tests;

public sealed partial class MonitoringTests : IDisposable
{
    private readonly HelmCli _helm = new();

    [Fact]
    public void Monitoring_is_off_by_default()
    {
        var chart = _helm.Template();

        Assert.Empty(chart.All<ServiceMonitor>());
        Assert.Empty(chart.All<PrometheusRule>());
        Assert.Empty(chart.All<V1ConfigMap>());
    }

    [Fact]
    public void Service_monitor_scrapes_the_metrics_port_and_keeps_the_audited_namespace_label()
    {
        var chart = _helm.TemplateScenario("monitoring-values.yaml");

        var monitor = chart.Single<ServiceMonitor>();
        Assert.Equal("kube-prometheus-stack", monitor.Metadata.Labels["release"]);
        var endpoint = Assert.Single(monitor.Spec.Endpoints);
        Assert.Equal("metrics", endpoint.Port);
        Assert.Equal("/metrics", endpoint.Path);
        Assert.True(endpoint.HonorLabels);
        var service = chart.Single<V1Service>();
        Assert.All(monitor.Spec.Selector.MatchLabels, label => Assert.Equal(label.Value, service.Metadata.Labels[label.Key]));
        Assert.Contains(service.Spec.Ports, port => port.Name == endpoint.Port);
    }

    [Fact]
    public void Prometheus_rule_has_every_alert_the_runbook_covers()
    {
        var rule = _helm.TemplateScenario("monitoring-values.yaml").Single<PrometheusRule>();

        var alerts = rule.Spec.Groups.SelectMany(group => group.Rules).ToList();
        Assert.Equal(
            ["LbOperatorAuditStale", "LbOperatorDown", "LbOperatorNoLeader", "LbOperatorObservedTrafficSkewed", "LbOperatorWebhookErrors", "LoadBalancerConfigChangeBurst", "TrafficBlackholed", "TrafficSkewed"],
            alerts.Select(alert => alert.Alert).Order());
        Assert.All(alerts, alert =>
        {
            Assert.Equal("platform", alert.Labels["team"]);
            Assert.Contains(alert.Labels["severity"], new[] { "info", "warning", "critical" });
            Assert.StartsWith("https://", alert.Annotations["runbook_url"], StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("TrafficSkewed", "max without(pod, instance) (lb_operator_traffic_skew_ratio{job=\"lb-operator\"}) > 2", "10m")]
    [InlineData("TrafficBlackholed", "max without(pod, instance) (lb_operator_blackholed_traffic_ratio{job=\"lb-operator\"}) > 0", "5m")]
    [InlineData("LbOperatorNoLeader", "max(lb_operator_leader{job=\"lb-operator\", namespace=\"lb-operator\"}) < 1", "5m")]
    public void Traffic_and_leader_alerts_collapse_replicas_and_last_their_duration(string name, string expression, string duration)
    {
        var alert = Alert(_helm.TemplateScenario("monitoring-values.yaml"), name);

        Assert.Equal(expression, alert.Expr);
        Assert.Equal(duration, alert.For);
    }

    [Fact]
    public void Config_change_burst_counts_each_change_once_across_replicas()
    {
        var alert = Alert(_helm.TemplateScenario("monitoring-values.yaml"), "LoadBalancerConfigChangeBurst");

        Assert.Contains("max without(pod, instance) (increase(lb_operator_config_changes_total{job=\"lb-operator\"}[10m]))", alert.Expr, StringComparison.Ordinal);
        Assert.EndsWith("> 5", alert.Expr, StringComparison.Ordinal);
    }

    [Fact]
    public void Webhook_error_alert_uses_the_error_decision_and_disappears_without_the_webhook()
    {
        var alert = Alert(_helm.TemplateScenario("monitoring-values.yaml"), "LbOperatorWebhookErrors");
        Assert.Contains("decision=\"error\"", alert.Expr, StringComparison.Ordinal);

        var withoutWebhook = _helm.Template(
            "--values", Path.Combine(RepositoryLayout.Chart, "ci", "monitoring-values.yaml"),
            "--values", Path.Combine(RepositoryLayout.Chart, "ci", "no-webhook-values.yaml"));
        var names = withoutWebhook.Single<PrometheusRule>().Spec.Groups.SelectMany(group => group.Rules).Select(rule => rule.Alert);
        Assert.DoesNotContain("LbOperatorWebhookErrors", names);
        Assert.DoesNotContain("LbOperatorNoLeader", names);
    }

    [Fact]
    public void Stale_audit_threshold_follows_the_resync_period()
    {
        var alert = Alert(_helm.Template("--set", "monitoring.prometheusRule.enabled=true", "--set", "config.resyncPeriod=01:00:00"), "LbOperatorAuditStale");

        Assert.EndsWith("> 10800", alert.Expr, StringComparison.Ordinal);
    }

    [Fact]
    public void Alerts_and_dashboard_query_only_metrics_the_operator_exports()
    {
        var chart = _helm.TemplateScenario("monitoring-values.yaml");
        var exported = ExportedMetricNames();

        var expressions = chart.Single<PrometheusRule>().Spec.Groups.SelectMany(group => group.Rules).Select(rule => rule.Expr)
            .Concat(DashboardExpressions(chart))
            .ToList();
        var used = expressions.SelectMany(expression => MetricName().Matches(expression).Select(match => match.Value)).ToHashSet();

        Assert.NotEmpty(used);
        Assert.Subset(exported, used);
    }

    [Fact]
    public void Dashboard_config_map_carries_the_sidecar_label_and_valid_json()
    {
        var chart = _helm.TemplateScenario("monitoring-values.yaml");

        var configMap = chart.Single<V1ConfigMap>();
        Assert.Equal("1", configMap.Metadata.Labels["grafana_dashboard"]);
        Assert.Equal("Platform", configMap.Metadata.Annotations["grafana_folder"]);
        using var dashboard = JsonDocument.Parse(configMap.Data["lb-operator.json"]);
        Assert.Equal("lb-operator", dashboard.RootElement.GetProperty("uid").GetString());
        Assert.True(dashboard.RootElement.GetProperty("panels").GetArrayLength() >= 10);
    }

    private static IEnumerable<string> DashboardExpressions(RenderedChart chart)
    {
        using var dashboard = JsonDocument.Parse(chart.Single<V1ConfigMap>().Data["lb-operator.json"]);
        return dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .Where(panel => panel.TryGetProperty("targets", out _))
            .SelectMany(panel => panel.GetProperty("targets").EnumerateArray())
            .Select(target => target.GetProperty("expr").GetString() ?? "")
            .ToList();
    }

    private static HashSet<string> ExportedMetricNames()
    {
        var exposition = new MetricsExposition(Metrics.NewCustomRegistry(), []);
        object[] owners =
        [
            new OperatorMetrics(exposition), new EventMetrics(exposition), new ApiWriteMetrics(exposition), new WebhookMetrics(exposition),
            new ObservedMetrics(Metrics.NewCustomRegistry(), new ObservedSnapshot()),
        ];
        var names = new HashSet<string>(StringComparer.Ordinal) { "up" };
        var collectors = owners.SelectMany(owner => owner.GetType().GetProperties().Select(property => property.GetValue(owner)));
        foreach (var collector in collectors.OfType<Collector>())
        {
            names.Add(collector.Name);
            if (collector is Histogram)
            {
                names.UnionWith([$"{collector.Name}_bucket", $"{collector.Name}_sum", $"{collector.Name}_count"]);
            }
        }

        // The per-object families are written from the published state at scrape time, not through instruments.
        names.UnionWith(typeof(StateMetrics).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => field.GetValue(null)).OfType<ScrapedFamily>().Select(family => family.Name));
        return names;
    }

    private static AlertingRule Alert(RenderedChart chart, string name) =>
        chart.Single<PrometheusRule>().Spec.Groups.SelectMany(group => group.Rules).Single(rule => rule.Alert == name);

    [GeneratedRegex(@"\b(lb_operator_[a-z_]+|up)\b")]
    private static partial Regex MetricName();

    public void Dispose() => _helm.Dispose();
}
