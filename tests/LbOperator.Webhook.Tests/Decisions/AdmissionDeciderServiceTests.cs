using System.Text.Json.Nodes;
using LbOperator.Webhook.Decisions;
using LbOperator.Webhook.Evaluation;
using LbOperator.Webhook.Tests.Support;

namespace LbOperator.Webhook.Tests.Decisions;

public sealed class AdmissionDeciderServiceTests
{
    private const string OutageDenial =
        "LB001: externalTrafficPolicy: Local would send 50% of traffic to checkout-5 on node-b (3.0× its fair share). "
        + "Spread pods evenly across nodes (topologySpreadConstraints) or use externalTrafficPolicy: Cluster. "
        + "Override: annotate lb-operator.io/max-skew.";

    [Fact]
    public void Enforce_denies_switching_the_outage_service_to_local_with_403_and_a_message_naming_rule_numbers_and_fix()
    {
        var outcome = new WebhookHarness(mode: "enforce").Decide(Fixture.Bytes("service-update-cluster-to-local.json"));

        Assert.Equal(AdmissionDecisionKind.Denied, outcome.Decision);
        Assert.False(outcome.Allowed);
        Assert.Equal(403, outcome.Denial!.Code);
        Assert.Equal("Forbidden", outcome.Denial.Reason);
        Assert.Equal(OutageDenial, outcome.Denial.Message);
    }

    [Fact]
    public void Enforce_allows_a_skewed_service_whose_ignore_rules_annotation_lists_the_rule()
    {
        var body = Fixture.With("service-create-local.json", n => n["request"]!["object"]!["metadata"]!["annotations"]!["lb-operator.io/ignore-rules"] = "LB001");

        var outcome = new WebhookHarness(mode: "enforce").Decide(body);

        Assert.Equal(AdmissionDecisionKind.Allowed, outcome.Decision);
        Assert.DoesNotContain(outcome.Warnings, warning => warning.Contains("LB001", StringComparison.Ordinal));
    }

    [Fact]
    public void Enforce_denies_creating_a_skewed_service()
    {
        var outcome = new WebhookHarness(mode: "enforce").Decide(Fixture.Bytes("service-create-local.json"));

        Assert.Equal(AdmissionDecisionKind.Denied, outcome.Decision);
        Assert.Equal(OutageDenial, outcome.Denial!.Message);
    }

    [Fact]
    public void Enforce_evaluates_a_dry_run_the_same_way()
    {
        var body = Fixture.With("service-update-cluster-to-local.json", n => n["request"]!["dryRun"] = true);

        var outcome = new WebhookHarness(mode: "enforce").Decide(body);

        Assert.Equal(AdmissionDecisionKind.Denied, outcome.Decision);
        Assert.Equal(OutageDenial, outcome.Denial!.Message);
    }

    [Fact]
    public void Enforce_allows_the_fix_back_to_cluster()
    {
        var outcome = new WebhookHarness(mode: "enforce").Decide(Fixture.Bytes("service-update-local-to-cluster.json"));

        Assert.Equal(AdmissionDecisionKind.Allowed, outcome.Decision);
        Assert.Empty(outcome.Warnings);
    }

    [Fact]
    public void Enforce_only_warns_about_a_change_that_keeps_an_existing_skew_as_it_was()
    {
        var outcome = new WebhookHarness(mode: "enforce").Decide(Fixture.Bytes("service-update-local-relabel.json"));

        Assert.Equal(AdmissionDecisionKind.Warned, outcome.Decision);
        Assert.True(outcome.Allowed);
        Assert.StartsWith("LB001", Assert.Single(outcome.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Enforce_treats_an_update_without_old_object_like_a_create()
    {
        var body = Fixture.With("service-update-local-relabel.json", n => n["request"]!.AsObject().Remove("oldObject"));

        Assert.Equal(AdmissionDecisionKind.Denied, new WebhookHarness(mode: "enforce").Decide(body).Decision);
    }

    [Fact]
    public void Warn_allows_and_reports_each_finding_in_at_most_120_characters()
    {
        var outcome = new WebhookHarness(mode: "warn").Decide(Fixture.Bytes("service-update-cluster-to-local.json"));

        Assert.Equal(AdmissionDecisionKind.Warned, outcome.Decision);
        Assert.True(outcome.Allowed);
        Assert.Null(outcome.Denial);
        var warning = Assert.Single(outcome.Warnings);
        Assert.StartsWith("LB001", warning, StringComparison.Ordinal);
        Assert.InRange(warning.Length, 1, 120);
    }

    [Fact]
    public void Off_skips_every_check()
    {
        var outcome = new WebhookHarness(mode: "off").Decide(Fixture.Bytes("service-update-cluster-to-local.json"));

        Assert.Equal(AdmissionDecisionKind.Skipped, outcome.Decision);
        Assert.Empty(outcome.Warnings);
    }

    [Theory]
    [InlineData("warn", WebhookMode.Enforce, AdmissionDecisionKind.Denied)]
    [InlineData("enforce", WebhookMode.Warn, AdmissionDecisionKind.Warned)]
    [InlineData("off", WebhookMode.Enforce, AdmissionDecisionKind.Denied)]
    public void The_namespace_mode_chosen_by_the_endpoint_overrides_the_cluster_default(string clusterDefault, WebhookMode endpointMode, AdmissionDecisionKind expected)
    {
        var outcome = new WebhookHarness(mode: clusterDefault).Decide(Fixture.Bytes("service-update-cluster-to-local.json"), endpointMode);

        Assert.Equal(expected, outcome.Decision);
    }

    [Theory]
    [InlineData("enforce", WebhookMode.Warn, AdmissionDecisionKind.Denied)]
    [InlineData("warn", WebhookMode.Enforce, AdmissionDecisionKind.Warned)]
    [InlineData("off", WebhookMode.Enforce, AdmissionDecisionKind.Skipped)]
    [InlineData(" Enforce ", WebhookMode.Warn, AdmissionDecisionKind.Denied)]
    public void The_object_annotation_overrides_the_namespace_mode(string annotation, WebhookMode endpointMode, AdmissionDecisionKind expected)
    {
        var body = Fixture.With("service-update-cluster-to-local.json", n => Annotate(n, "lb-operator.io/enforce", annotation));

        Assert.Equal(expected, new WebhookHarness().Decide(body, endpointMode).Decision);
    }

    [Fact]
    public void An_invalid_mode_annotation_is_reported_and_the_namespace_mode_applies()
    {
        var body = Fixture.With("service-update-cluster-to-local.json", n => Annotate(n, "lb-operator.io/enforce", "strict"));

        var outcome = new WebhookHarness().Decide(body, WebhookMode.Enforce);

        Assert.Equal(AdmissionDecisionKind.Denied, outcome.Decision);
        Assert.Contains("lb-operator: ignored lb-operator.io/enforce: 'strict' (use off, warn or enforce); mode enforce applies", outcome.Warnings);
    }

    [Fact]
    public void An_object_annotated_ignore_is_skipped()
    {
        var body = Fixture.With("service-update-cluster-to-local.json", n => Annotate(n, "lb-operator.io/ignore", "true"));

        var outcome = new WebhookHarness(mode: "enforce").Decide(body);

        Assert.Equal(AdmissionDecisionKind.Skipped, outcome.Decision);
        Assert.Empty(outcome.Warnings);
    }

    [Fact]
    public void Until_the_caches_are_synced_every_change_is_allowed_with_a_warning()
    {
        var outcome = new WebhookHarness(mode: "enforce", synced: false).Decide(Fixture.Bytes("service-update-cluster-to-local.json"));

        Assert.Equal(AdmissionDecisionKind.Unchecked, outcome.Decision);
        Assert.True(outcome.Allowed);
        Assert.Equal("lb-operator: caches are still syncing; allowed without a load-balancing check", Assert.Single(outcome.Warnings));
    }

    [Fact]
    public void A_service_created_before_its_pods_is_allowed_with_a_warning_even_in_enforce()
    {
        var outcome = new WebhookHarness(mode: "enforce").Decide(Fixture.Bytes("service-create-no-endpoints.json"));

        Assert.True(outcome.Allowed);
        Assert.Equal(AdmissionDecisionKind.Warned, outcome.Decision);
        Assert.Contains(outcome.Warnings, w => w.Contains("cart", StringComparison.Ordinal));
        Assert.All(outcome.Warnings, w => Assert.InRange(w.Length, 1, 120));
    }

    [Theory]
    [InlineData("service-delete.json")]
    [InlineData("configmap-create.json")]
    public void Deletes_and_unknown_kinds_are_allowed_unchecked(string fixture)
    {
        var outcome = new WebhookHarness(mode: "enforce").Decide(Fixture.Bytes(fixture));

        Assert.Equal(AdmissionDecisionKind.Skipped, outcome.Decision);
        Assert.True(outcome.Allowed);
    }

    [Fact]
    public void Connect_is_allowed_unchecked()
    {
        var body = Fixture.With("service-create-local.json", n => n["request"]!["operation"] = "CONNECT");

        Assert.Equal(AdmissionDecisionKind.Skipped, new WebhookHarness(mode: "enforce").Decide(body).Decision);
    }

    [Fact]
    public void An_object_that_does_not_decode_as_its_kind_is_bad_input()
    {
        var body = Fixture.With("service-create-local.json", n => n["request"]!["object"]!["spec"]!["ports"] = "eighty");

        var error = Assert.Throws<AdmissionInputException>(() => new WebhookHarness().Decide(body));

        Assert.StartsWith("the Service in the request cannot be read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_create_or_update_without_object_is_bad_input()
    {
        var body = Fixture.With("service-create-local.json", n => n["request"]!["object"] = null);

        var error = Assert.Throws<AdmissionInputException>(() => new WebhookHarness().Decide(body));

        Assert.Equal("request.object is required for CREATE", error.Message);
    }

    private static void Annotate(JsonNode review, string key, string value) =>
        review["request"]!["object"]!["metadata"]!["annotations"]![key] = value;
}
