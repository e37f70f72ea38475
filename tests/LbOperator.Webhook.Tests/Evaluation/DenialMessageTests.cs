using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Webhook.Evaluation;

namespace LbOperator.Webhook.Tests.Evaluation;

public sealed class DenialMessageTests
{
    private static readonly ObjectRef Checkout = new(ObjectKind.Service, "shop", "checkout");

    [Fact]
    public void External_traffic_policy_local_names_the_hottest_endpoint_its_node_the_numbers_and_the_fix()
    {
        var finding = new Finding("LB001", "TrafficSkew", Severity.Error, Checkout, "checkout", "core message", Skew: 3.0, Cause: SkewCause.ExternalTrafficPolicyLocal);

        var message = DenialMessage.For(finding, Evaluation(Checkout, "checkout", ("checkout-5", "node-b", 0.5), ("checkout-0", "node-a", 0.1)));

        Assert.Equal(
            "LB001: externalTrafficPolicy: Local would send 50% of traffic to checkout-5 on node-b (3.0× its fair share). "
            + "Spread pods evenly across nodes (topologySpreadConstraints) or use externalTrafficPolicy: Cluster. "
            + "Override: annotate lb-operator.io/max-skew.",
            message);
    }

    [Theory]
    [InlineData(SkewCause.InternalTrafficPolicyLocal, "internalTrafficPolicy: Local would send", "or use internalTrafficPolicy: Cluster.")]
    [InlineData(SkewCause.TopologyRouting, "topology-aware routing would send", "remove spec.trafficDistribution")]
    [InlineData(SkewCause.ZonalLoadBalancing, "zonal load balancing (cross-zone off) would send", "load_balancing.cross_zone.enabled=true")]
    public void Each_service_cause_has_its_own_fix(SkewCause cause, string setting, string fix)
    {
        var finding = new Finding("LB001", "TrafficSkew", Severity.Error, Checkout, "checkout", "m", Skew: 2.5, Cause: cause);

        var message = DenialMessage.For(finding, Evaluation(Checkout, "checkout", ("checkout-1", null, 1.0 / 3)));

        Assert.Contains(setting, message, StringComparison.Ordinal);
        Assert.Contains("to checkout-1 (2.5× its fair share)", message, StringComparison.Ordinal);
        Assert.Contains("33.3% of traffic", message, StringComparison.Ordinal);
        Assert.Contains(fix, message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_canary_weight_names_the_entry_point_and_the_canary_fix()
    {
        var canary = new ObjectRef(ObjectKind.Ingress, "shop", "web-canary");
        var finding = new Finding("LB001", "TrafficSkew", Severity.Error, canary, "shop.example.com/", "m", Skew: 4.0, Cause: SkewCause.CanaryWeight);

        var message = DenialMessage.For(finding, Evaluation(canary, "shop.example.com/", ("web-canary-0", "node-b", 0.8)));

        Assert.StartsWith(
            "LB001: the canary weight on shop.example.com/ would send 80% of traffic to web-canary-0 on node-b (4.0× its fair share). Lower nginx.ingress.kubernetes.io/canary-weight",
            message,
            StringComparison.Ordinal);
        Assert.EndsWith("Override: annotate lb-operator.io/max-skew.", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_endpoint_numbers_the_core_message_is_used()
    {
        var finding = new Finding("LB001", "TrafficSkew", Severity.Error, Checkout, "checkout", "skew 3.0 on checkout", Skew: 3.0, Cause: SkewCause.ExternalTrafficPolicyLocal);

        var message = DenialMessage.For(finding, ObjectEvaluation.Empty);

        Assert.StartsWith("LB001: skew 3.0 on checkout Spread pods evenly", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_weights_use_the_core_message_prefixed_with_the_rule()
    {
        var route = new ObjectRef(ObjectKind.HttpRoute, "shop", "api");
        var finding = new Finding("LB003", "InvalidWeights", Severity.Error, route, "rule-0", "every backendRef weight of rule-0 is 0; set at least one weight above 0");

        Assert.Equal("LB003: every backendRef weight of rule-0 is 0; set at least one weight above 0", DenialMessage.For(finding, ObjectEvaluation.Empty));
    }

    private static ObjectEvaluation Evaluation(ObjectRef owner, string entryPoint, params (string Endpoint, string? Node, double Share)[] endpoints)
    {
        var shares = endpoints.Select(e => new EndpointShare(owner.Namespace, owner.Name, e.Endpoint, e.Node, null, e.Share)).ToList();
        var result = new EntryPointResult(
            new EntryPoint(owner, entryPoint, [owner]), [], shares, shares.Count, 0, 0, SkewCause.None, [], [], []);
        return new ObjectEvaluation([result], []);
    }
}
