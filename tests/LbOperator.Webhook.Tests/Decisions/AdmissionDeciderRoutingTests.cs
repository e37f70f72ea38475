using LbOperator.Webhook.Decisions;
using LbOperator.Webhook.Tests.Support;

namespace LbOperator.Webhook.Tests.Decisions;

/// <summary>Ingress, HTTPRoute and GRPCRoute decisions: canary with main, missing backends, weights.</summary>
public sealed class AdmissionDeciderRoutingTests
{
    [Fact]
    public void Enforce_denies_raising_a_canary_weight_to_80_percent_over_one_pod()
    {
        var outcome = new WebhookHarness(mode: "enforce").Decide(Fixture.Bytes("ingress-update-canary-weight.json"));

        Assert.Equal(AdmissionDecisionKind.Denied, outcome.Decision);
        Assert.StartsWith("LB001: the canary weight on ", outcome.Denial!.Message, StringComparison.Ordinal);
        Assert.Contains("would send 80% of traffic to web-canary-0 on node-b", outcome.Denial.Message, StringComparison.Ordinal);
        Assert.Contains("canary-weight", outcome.Denial.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_the_main_ingress_is_judged_together_with_its_canary_but_not_blamed_for_the_canary_weight()
    {
        var body = Fixture.With("ingress-update-canary-weight.json", n =>
        {
            foreach (var side in new[] { "object", "oldObject" })
            {
                var metadata = n["request"]![side]!["metadata"]!;
                metadata["name"] = "web";
                metadata["annotations"] = new System.Text.Json.Nodes.JsonObject();
                n["request"]![side]!["spec"]!["rules"]![0]!["http"]!["paths"]![0]!["backend"]!["service"]!["name"] = "web";
            }

            n["request"]!["name"] = "web";
        });
        var harness = new WebhookHarness(view: ShopCluster.Create(canaryWeight: 80), mode: "enforce");

        var outcome = harness.Decide(body);

        Assert.Equal(AdmissionDecisionKind.Warned, outcome.Decision);
        Assert.Contains(outcome.Warnings, w => w.StartsWith("LB001", StringComparison.Ordinal));
    }

    [Fact]
    public void An_ingress_whose_backend_service_does_not_exist_yet_is_allowed_with_a_warning()
    {
        var outcome = new WebhookHarness(mode: "enforce").Decide(Fixture.Bytes("ingress-create-missing-backend.json"));

        Assert.Equal(AdmissionDecisionKind.Warned, outcome.Decision);
        Assert.Contains(outcome.Warnings, w => w.StartsWith("LB002", StringComparison.Ordinal));
    }

    [Fact]
    public void Enforce_denies_route_weights_that_send_80_percent_to_one_of_three_pods()
    {
        var outcome = new WebhookHarness(mode: "enforce").Decide(Fixture.Bytes("httproute-update-weights.json"));

        Assert.Equal(AdmissionDecisionKind.Denied, outcome.Decision);
        Assert.StartsWith("LB001: the backendRef weights on ", outcome.Denial!.Message, StringComparison.Ordinal);
        Assert.Contains("80% of traffic to api-v1-0", outcome.Denial.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Enforce_denies_a_route_rule_whose_weights_are_all_zero()
    {
        var outcome = new WebhookHarness(mode: "enforce").Decide(Fixture.Bytes("httproute-update-zero-weights.json"));

        Assert.Equal(AdmissionDecisionKind.Denied, outcome.Decision);
        Assert.StartsWith("LB003", outcome.Denial!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Enforce_denies_a_new_grpc_route_whose_weights_send_80_percent_to_one_of_three_pods()
    {
        var outcome = new WebhookHarness(mode: "enforce").Decide(Fixture.Bytes("grpcroute-create-weights.json"));

        Assert.Equal(AdmissionDecisionKind.Denied, outcome.Decision);
        Assert.StartsWith("LB001: the backendRef weights on split", outcome.Denial!.Message, StringComparison.Ordinal);
        Assert.Contains("80% of traffic to api-v1-0", outcome.Denial.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Warn_only_warns_about_the_same_route_weights()
    {
        var outcome = new WebhookHarness(mode: "warn").Decide(Fixture.Bytes("httproute-update-weights.json"));

        Assert.Equal(AdmissionDecisionKind.Warned, outcome.Decision);
        Assert.All(outcome.Warnings, w => Assert.InRange(w.Length, 1, 120));
    }
}
