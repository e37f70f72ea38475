using System.Text.Json;
using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Runtime.Metrics;
using LbOperator.Webhook.Metrics;
using LbOperator.Webhook.Admission;
using LbOperator.Webhook.Decisions;
using LbOperator.Webhook.Evaluation;
using LbOperator.Webhook.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LbOperator.Webhook.Tests.Support;

/// <summary>The webhook's decision path wired by hand over a given cluster view, with its own metrics registry.</summary>
public sealed class WebhookHarness
{
    public WebhookHarness(
        IClusterView? view = null,
        string mode = "warn",
        bool synced = true,
        TimeProvider? time = null,
        TimeSpan? budget = null,
        int maxConcurrentReviews = 16)
    {
        Options = Microsoft.Extensions.Options.Options.Create(new WebhookOptions
        {
            Mode = mode,
            TimeBudget = budget ?? TimeSpan.FromSeconds(2),
            MaxConcurrentReviews = maxConcurrentReviews,
        });
        Metrics = new WebhookMetrics(new MetricsExposition(Prometheus.Metrics.NewCustomRegistry(), []));
        Decider = new AdmissionDecider(
            new ObjectEvaluator(new TrafficAnalyzer(AnalysisPolicy.Default)),
            view ?? ShopCluster.Create(),
            new FixedCacheReadiness(synced),
            Options);
        Handler = new AdmissionReviewHandler(
            Decider, Events, Metrics, time ?? TimeProvider.System, Options, NullLogger<AdmissionReviewHandler>.Instance);
    }

    public IOptions<WebhookOptions> Options { get; }

    public WebhookMetrics Metrics { get; }

    public RecordingEventSink Events { get; } = new();

    public AdmissionDecider Decider { get; }

    public AdmissionReviewHandler Handler { get; }

    public AdmissionOutcome Decide(byte[] body, WebhookMode? endpointMode = null) =>
        Decider.Decide(AdmissionReviewReader.Read(body).Request!, endpointMode);

    public async Task<ReviewAnswer> ReviewAsync(byte[] body, WebhookMode? endpointMode = null)
    {
        var result = await Handler.HandleAsync(body, endpointMode, CancellationToken.None);
        return ReviewAnswer.From(result.StatusCode, result.Review, result.Error);
    }
}
