using LbOperator.Core.Model;
using LbOperator.Runtime.Events;
using LbOperator.Operator.Publishing;
using LbOperator.Operator.Reconciliation;
using LbOperator.Operator.Tests.Fakes;

namespace LbOperator.Operator.Tests.Reconciliation;

public sealed class ReconcilerTests
{
    private readonly ReconcilerHarness _harness = new();

    [Fact]
    public async Task The_outage_gives_a_traffic_skewed_warning_and_a_skew_of_three()
    {
        _harness.LoadOutage();

        var result = await _harness.Reconcile("Service/shop/web");

        Assert.Equal(ReconcileResult.Done, result);
        var written = Assert.Single(_harness.Events.Written);
        Assert.Equal((EventTypes.Warning, EventReasons.TrafficSkewed), (written.Type, written.Reason));
        Assert.EndsWith("Hottest endpoints: web-abc-pod-5 on node-2 (50%), web-abc-pod-0 on node-1 (10%), web-abc-pod-1 on node-1 (10%).", written.Message, StringComparison.Ordinal);
        Assert.Equal(("v1", "uid-shop-web"), (written.Target.ApiVersion, written.Target.Uid));
        Assert.Equal(3.0, _harness.Gauge(StateMetrics.TrafficSkew, "shop", "Service", "web", "web")!.Value, 6);
        Assert.Equal(1, _harness.Gauge(StateMetrics.Findings, "LB001", "error", "shop", "Service", "web"));
        Assert.Equal(0.5, _harness.Gauge(StateMetrics.EndpointTrafficShare, "shop", "web", "node-2")!.Value, 6);
    }

    [Fact]
    public async Task A_rule_listed_in_the_ignore_rules_annotation_gets_no_event_and_no_series()
    {
        _harness.LoadOutage();
        var service = ApiObjects.Service("shop", "web", "Local", "LoadBalancer", resourceVersion: "2");
        service.Metadata.Annotations = new Dictionary<string, string> { ["lb-operator.io/ignore-rules"] = "LB001" };
        _harness.Services.Put(service);

        await _harness.Reconcile("Service/shop/web");

        Assert.DoesNotContain(_harness.Events.Written, written => written.Reason == EventReasons.TrafficSkewed);
        Assert.Null(_harness.Gauge(StateMetrics.Findings, "LB001", "error", "shop", "Service", "web"));
        Assert.Equal(3.0, _harness.Gauge(StateMetrics.TrafficSkew, "shop", "Service", "web", "web")!.Value, 6);
    }

    [Fact]
    public async Task Reconciling_unchanged_state_again_publishes_nothing_new()
    {
        _harness.LoadOutage();
        await _harness.Reconcile("Service/shop/web");

        await _harness.Reconcile("Service/shop/web");
        await _harness.Reconcile("Service/shop/web");

        Assert.Single(_harness.Events.Written);
    }

    [Fact]
    public async Task Fixing_the_policy_announces_the_change_with_the_skew_and_that_traffic_is_balanced()
    {
        _harness.LoadOutage();
        await _harness.Reconcile("Service/shop/web");
        _harness.Services.Put(ApiObjects.Service("shop", "web", "Cluster", "LoadBalancer", resourceVersion: "2"));

        await _harness.Reconcile("Service/shop/web");

        Assert.Equal(
            [
                (EventReasons.LoadBalancerConfigChanged, "externalTrafficPolicy: Local → Cluster; skew 3.0 → 1.0"),
                (EventReasons.TrafficBalanced, "Resolved: web: TrafficSkew (LB001) is gone, skew 3.0 → 1.0."),
            ],
            _harness.Events.Written.Skip(1).Select(written => (written.Reason, written.Message)));
        Assert.Null(_harness.Gauge(StateMetrics.Findings, "LB001", "error", "shop", "Service", "web"));
        Assert.Equal(1.0, _harness.Gauge(StateMetrics.TrafficSkew, "shop", "Service", "web", "web")!.Value, 6);
        Assert.Equal(1, _harness.ConfigChanges("shop", "Service"));
    }

    [Fact]
    public async Task Seeing_an_object_for_the_first_time_is_not_a_config_change()
    {
        _harness.LoadOutage("Cluster");

        await _harness.Reconcile("Service/shop/web");

        Assert.Empty(_harness.Events.Written);
        Assert.Null(_harness.ConfigChanges("shop", "Service"));
    }

    [Fact]
    public async Task A_deleted_object_loses_its_state_and_every_series()
    {
        _harness.LoadOutage();
        await _harness.Reconcile("Service/shop/web");
        Assert.NotEmpty(_harness.Series(StateMetrics.TrafficSkew));
        _harness.Services.Remove("shop", "web");

        await _harness.Reconcile("Service/shop/web");

        Assert.Null(_harness.States.Get(new ObjectRef(ObjectKind.Service, "shop", "web")));
        Assert.Empty(_harness.Series(StateMetrics.TrafficSkew));
        Assert.Empty(_harness.Series(StateMetrics.BlackholedTraffic));
        Assert.Empty(_harness.Series(StateMetrics.Findings));
        Assert.Empty(_harness.Series(StateMetrics.EndpointTrafficShare));
        Assert.Single(_harness.Events.Written);
    }

    [Fact]
    public async Task The_config_change_counter_of_a_namespace_ends_with_its_last_object()
    {
        _harness.LoadOutage("Cluster");
        await _harness.Reconcile("Service/shop/web");
        _harness.Services.Put(ApiObjects.Service("shop", "web", "Local", "LoadBalancer", resourceVersion: "2"));
        await _harness.Reconcile("Service/shop/web");
        Assert.Equal(1, _harness.ConfigChanges("shop", "Service"));
        _harness.Services.Remove("shop", "web");

        await _harness.Reconcile("Service/shop/web");

        Assert.Null(_harness.ConfigChanges("shop", "Service"));
    }

    [Fact]
    public async Task A_config_change_is_counted_once_and_handed_over_with_its_findings_in_one_reconcile()
    {
        _harness.LoadOutage("Cluster");
        await _harness.Reconcile("Service/shop/web");
        _harness.Services.Put(ApiObjects.Service("shop", "web", "Local", "LoadBalancer", resourceVersion: "2"));

        var result = await _harness.Reconcile("Service/shop/web");

        Assert.Equal(ReconcileResult.Done, result);
        Assert.Equal([EventReasons.LoadBalancerConfigChanged, EventReasons.TrafficSkewed], _harness.Events.Written.Select(written => written.Reason));
        Assert.Equal(1, _harness.ConfigChanges("shop", "Service"));
        Assert.Equal([EventReasons.TrafficSkewed], _harness.Events.PresentReasons[^1]!);
    }

    [Fact]
    public async Task Nothing_is_published_before_the_caches_are_synced()
    {
        _harness.LoadOutage();
        _harness.Readiness.IsSynced = false;

        var result = await _harness.Reconcile("Service/shop/web");

        Assert.Equal(ReconcileOutcome.RequeueAfter, result.Outcome);
        Assert.Empty(_harness.Events.Written);
        Assert.Empty(_harness.Series(StateMetrics.TrafficSkew));
    }

    [Fact]
    public async Task An_object_that_opts_out_is_cleared_without_announcing_anything()
    {
        _harness.LoadOutage();
        await _harness.Reconcile("Service/shop/web");
        var ignored = ApiObjects.Service("shop", "web", "Local", "LoadBalancer", resourceVersion: "2");
        ignored.Metadata.Annotations = new Dictionary<string, string> { ["lb-operator.io/ignore"] = "true" };
        _harness.Services.Put(ignored);

        await _harness.Reconcile("Service/shop/web");

        Assert.Single(_harness.Events.Written);
        Assert.Empty(_harness.Series(StateMetrics.Findings));
        Assert.Empty(_harness.Series(StateMetrics.TrafficSkew));
    }

    [Fact]
    public async Task Every_reconcile_is_timed()
    {
        _harness.LoadOutage();

        await _harness.Reconcile("Service/shop/web");
        await _harness.Reconcile("Service/shop/missing");

        Assert.Equal(2, _harness.Metrics.ReconcileDuration.WithLabels("Service").Count);
    }

    [Fact]
    public async Task A_skew_that_moves_notably_is_announced_again()
    {
        _harness.LoadOutage();
        await _harness.Reconcile("Service/shop/web");
        _harness.PutSlice(ApiObjects.Slice("shop", "web-abc", "web", "node-1", "node-1", "node-1", "node-1", "node-1", "node-1", "node-2"));

        await _harness.Reconcile("Service/shop/web");

        Assert.Equal([EventReasons.TrafficSkewed, EventReasons.TrafficSkewed], _harness.Events.Written.Select(written => written.Reason));
        Assert.Contains("3.5×", _harness.Events.Written[1].Message, StringComparison.Ordinal);
        Assert.Equal(3.5, _harness.Gauge(StateMetrics.TrafficSkew, "shop", "Service", "web", "web")!.Value, 6);
    }

    [Fact]
    public async Task An_object_that_opts_out_hands_over_no_present_findings_so_nothing_is_resolved_for_it()
    {
        var ignored = ApiObjects.Service("shop", "web", "Local", "LoadBalancer");
        ignored.Metadata.Annotations = new Dictionary<string, string> { ["lb-operator.io/ignore"] = "true" };
        _harness.Services.Put(ignored);

        await _harness.Reconcile("Service/shop/web");

        Assert.Null(Assert.Single(_harness.Events.PresentReasons));
    }
}
