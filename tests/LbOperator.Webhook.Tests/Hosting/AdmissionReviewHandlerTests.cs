using LbOperator.Webhook.Admission;
using System.Text;
using LbOperator.Webhook.Events;
using LbOperator.Webhook.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace LbOperator.Webhook.Tests.Hosting;

public sealed class AdmissionReviewHandlerTests
{
    [Fact]
    public async Task The_answer_is_an_admission_review_that_echoes_the_request_uid()
    {
        var answer = await new WebhookHarness().ReviewAsync(Fixture.Bytes("service-update-local-to-cluster.json"));

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal("b1e3f5a7-2c4d-4e6f-8a0b-1c3d5e7f9a2b", answer.Uid);
        Assert.True(answer.Allowed);
    }

    [Fact]
    public async Task A_denial_answers_allowed_false_with_status_403_and_the_message()
    {
        var answer = await new WebhookHarness(mode: "enforce").ReviewAsync(Fixture.Bytes("service-update-cluster-to-local.json"));

        Assert.False(answer.Allowed);
        Assert.Equal(403, answer.Code);
        Assert.Equal("Forbidden", answer.Reason);
        Assert.StartsWith("LB001: externalTrafficPolicy: Local would send 50% of traffic to checkout-5 on node-b", answer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_review_gets_400_with_the_reason_and_is_counted_as_invalid()
    {
        var harness = new WebhookHarness();

        var answer = await harness.ReviewAsync(Encoding.UTF8.GetBytes("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview"}"""));

        Assert.Equal(400, answer.StatusCode);
        Assert.Equal("the AdmissionReview has no request", answer.Error);
        Assert.Equal(1, harness.Metrics.AdmissionRequests.WithLabels("unknown", "unknown", "invalid").Value);
    }

    [Fact]
    public async Task An_object_that_cannot_be_decoded_gets_400()
    {
        var body = Fixture.With("service-create-local.json", n => n["request"]!["object"]!["spec"] = "LoadBalancer");

        var answer = await new WebhookHarness().ReviewAsync(body);

        Assert.Equal(400, answer.StatusCode);
        Assert.StartsWith("the Service in the request cannot be read", answer.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_decision_is_counted_by_kind_operation_and_decision_and_timed()
    {
        var harness = new WebhookHarness(mode: "enforce");

        await harness.ReviewAsync(Fixture.Bytes("service-update-cluster-to-local.json"));
        await harness.ReviewAsync(Fixture.Bytes("service-update-local-relabel.json"));
        await harness.ReviewAsync(Fixture.Bytes("configmap-create.json"));

        Assert.Equal(1, harness.Metrics.AdmissionRequests.WithLabels("Service", "UPDATE", "denied").Value);
        Assert.Equal(1, harness.Metrics.AdmissionRequests.WithLabels("Service", "UPDATE", "warned").Value);
        Assert.Equal(1, harness.Metrics.AdmissionRequests.WithLabels("other", "CREATE", "skipped").Value);
        Assert.Equal(2, harness.Metrics.AdmissionDuration.WithLabels("Service").Count);
    }

    [Fact]
    public async Task A_denied_update_puts_an_admission_denied_event_on_the_object()
    {
        var harness = new WebhookHarness(mode: "enforce");

        await harness.ReviewAsync(Fixture.Bytes("service-update-cluster-to-local.json"));

        var posted = Assert.Single(harness.Events.Posted);
        Assert.Equal(AdmissionEvent.DeniedReason, posted.Reason);
        Assert.Equal("Service/shop/checkout", posted.Object.Ref.ToString());
        Assert.Equal("3b4f2c1e-8d0a-4e59-9a51-checkout0000", posted.Object.Uid);
        Assert.StartsWith("LB001: externalTrafficPolicy: Local", posted.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_warned_update_puts_an_admission_warned_event_on_the_object()
    {
        var harness = new WebhookHarness(mode: "warn");

        await harness.ReviewAsync(Fixture.Bytes("service-update-cluster-to-local.json"));

        var posted = Assert.Single(harness.Events.Posted);
        Assert.Equal(AdmissionEvent.WarnedReason, posted.Reason);
        Assert.StartsWith("LB001", posted.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("service-create-local.json", false)]
    [InlineData("service-update-cluster-to-local.json", true)]
    [InlineData("service-update-local-to-cluster.json", false)]
    public async Task No_event_for_creates_dry_runs_or_clean_changes(string fixture, bool dryRun)
    {
        var harness = new WebhookHarness(mode: "enforce");
        var body = Fixture.With(fixture, n => n["request"]!["dryRun"] = dryRun);

        await harness.ReviewAsync(body);

        Assert.Empty(harness.Events.Posted);
    }

    [Fact]
    public async Task An_analysis_that_overruns_the_time_budget_is_answered_allowed_with_a_warning()
    {
        var time = new FakeTimeProvider();
        using var view = new BlockingClusterView(ShopCluster.Create());
        var harness = new WebhookHarness(view: view, mode: "enforce", time: time, budget: TimeSpan.FromSeconds(2));

        var pending = harness.ReviewAsync(Fixture.Bytes("service-update-cluster-to-local.json"));
        time.Advance(TimeSpan.FromSeconds(2));
        var answer = await pending;
        view.Release();

        Assert.Equal(200, answer.StatusCode);
        Assert.True(answer.Allowed);
        Assert.Equal("lb-operator: the load-balancing check did not finish within 2s; allowed without it", Assert.Single(answer.Warnings));
        Assert.Equal(1, harness.Metrics.AdmissionRequests.WithLabels("Service", "UPDATE", "unchecked").Value);
    }

    [Fact]
    public async Task An_internal_error_in_the_analysis_allows_the_change_with_a_warning_instead_of_failing()
    {
        using var view = new BlockingClusterView(ShopCluster.Create(), fail: true);

        var answer = await new WebhookHarness(view: view, mode: "enforce").ReviewAsync(Fixture.Bytes("service-update-cluster-to-local.json"));

        Assert.Equal(200, answer.StatusCode);
        Assert.True(answer.Allowed);
        Assert.Equal("lb-operator: the load-balancing check failed (internal error); allowed without it", Assert.Single(answer.Warnings));
    }

    [Fact]
    public async Task A_review_that_finds_every_slot_busy_for_its_whole_budget_is_allowed_unchecked()
    {
        var time = new FakeTimeProvider();
        using var view = new BlockingClusterView(ShopCluster.Create());
        var harness = new WebhookHarness(view: view, mode: "enforce", time: time, budget: TimeSpan.FromSeconds(2), maxConcurrentReviews: 1);
        var stuck = harness.ReviewAsync(Fixture.Bytes("service-update-cluster-to-local.json"));
        await view.Entered.WaitAsync(TimeSpan.FromSeconds(30));

        var waiting = harness.ReviewAsync(Fixture.Bytes("service-update-cluster-to-local.json"));
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal("lb-operator: too many reviews in progress; allowed without a load-balancing check", Assert.Single((await waiting).Warnings));
        Assert.Contains("did not finish within 2s", Assert.Single((await stuck).Warnings), StringComparison.Ordinal);
        view.Release();
    }

    [Fact]
    public async Task An_overrun_decision_keeps_its_slot_until_it_stops_and_then_frees_it()
    {
        var time = new FakeTimeProvider();
        using var view = new BlockingClusterView(ShopCluster.Create());
        var harness = new WebhookHarness(view: view, mode: "enforce", time: time, budget: TimeSpan.FromSeconds(2), maxConcurrentReviews: 1);
        var stuck = harness.ReviewAsync(Fixture.Bytes("service-update-cluster-to-local.json"));
        await view.Entered.WaitAsync(TimeSpan.FromSeconds(30));
        time.Advance(TimeSpan.FromSeconds(2));
        await stuck;

        view.Release();
        var next = await harness.ReviewAsync(Fixture.Bytes("service-update-cluster-to-local.json"));

        Assert.Equal(200, next.StatusCode);
        Assert.False(next.Allowed);
    }

    [Fact]
    public void A_decision_whose_budget_is_spent_stops_instead_of_analysing()
    {
        var harness = new WebhookHarness(mode: "enforce");
        var request = AdmissionReviewReader.Read(Fixture.Bytes("service-update-cluster-to-local.json")).Request!;

        Assert.ThrowsAny<OperationCanceledException>(() => harness.Decider.Decide(request, null, new CancellationToken(canceled: true)));
    }
}
