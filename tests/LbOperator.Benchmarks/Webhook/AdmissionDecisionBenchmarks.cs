using BenchmarkDotNet.Attributes;
using LbOperator.Core.Analysis;
using LbOperator.Runtime;
using LbOperator.Webhook;
using LbOperator.Webhook.Admission;
using LbOperator.Webhook.Decisions;
using LbOperator.Webhook.Evaluation;
using Microsoft.Extensions.Options;

namespace LbOperator.Benchmarks.Webhook;

/// <summary>
/// The webhook's own work per review without HTTP: parse the AdmissionReview, decode both Services,
/// analyse the new and the old one over 100 endpoints, and write the denial. The open-loop HTTPS numbers
/// (<see cref="WebhookLoadBenchmark"/>) add TLS, Kestrel and the thread hop on top of this.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class AdmissionDecisionBenchmarks
{
    private readonly byte[] review = HundredEndpointScenario.Review(1);
    private AdmissionDecider decider = null!;

    [GlobalSetup]
    public void Setup() => decider = new AdmissionDecider(
        new ObjectEvaluator(new TrafficAnalyzer(AnalysisPolicy.Default)),
        HundredEndpointScenario.Cluster(),
        new Synced(),
        Options.Create(new WebhookOptions { Mode = "enforce" }));

    [Benchmark(Description = "parse + decide + write: 100-endpoint Service switched to Local (denied)")]
    public byte[] ParseDecideWrite()
    {
        var request = AdmissionReviewReader.Read(review).Request!;
        var outcome = decider.Decide(request, endpointMode: null);
        return AdmissionReviewWriter.ToBytes(new AdmissionResponse(request.Uid, outcome.Allowed, outcome.Warnings, outcome.Denial));
    }

    private sealed class Synced : ICacheReadiness
    {
        public bool IsSynced => true;
    }
}
