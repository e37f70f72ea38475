using k8s.Models;
using LbOperator.Core.Analysis;
using LbOperator.Kubernetes.GatewayApi;
using LbOperator.Kubernetes.Observed;
using LbOperator.Operator.Caching;
using LbOperator.Operator.Observed;
using LbOperator.Operator.Reconciliation;
using LbOperator.Operator.Tests.Fakes;
using LbOperator.ApiEmulator.Logging;
using LbOperator.Operator.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LbOperator.Operator.Tests.Observed;

/// <summary>
/// The observed-traffic monitor over in-memory caches and a real Prometheus, on a fake clock that the
/// test moves one interval at a time; Events are recorded.
/// </summary>
internal sealed class ObservedHarness : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public ObservedHarness(Uri prometheus, DateTimeOffset start, Action<ObservedOptions>? configure = null)
    {
        Time = new FakeTimeProvider(start);
        View = new CacheClusterView(Services, Slices, Nodes, Ingresses, Routes, Index);
        var view = View;
        Options = new ObservedOptions { PrometheusUrl = prometheus.ToString() };
        configure?.Invoke(Options);
        Metrics = new ObservedMetrics(Prometheus.Metrics.NewCustomRegistry(), Snapshot);
        var sink = new ObservedEventSink(Events, new AuditedObjectReader(Services, Ingresses, Routes, view));
        Monitor = new ObservedTrafficMonitor(
            Options,
            new ObservedRatesCollector(new PrometheusClient(_http, prometheus), Options.ToSettings()),
            view,
            AnalysisPolicy.Default,
            new ObservedAnnouncer(sink),
            Snapshot,
            Metrics,
            Time,
            Log);
    }

    public FakeTimeProvider Time { get; }

    public CacheClusterView View { get; }

    public ObservedOptions Options { get; }

    public InMemoryObjectStore<V1Service> Services { get; } = new();

    public InMemoryObjectStore<V1EndpointSlice> Slices { get; } = new();

    public InMemoryObjectStore<V1Node> Nodes { get; } = new();

    public InMemoryObjectStore<V1Ingress> Ingresses { get; } = new();

    public InMemoryObjectStore<HttpRoute> Routes { get; } = new();

    public EndpointSliceIndex Index { get; } = new();

    public RecordingEventRecorder Events { get; } = new();

    public RecordingLogger Log { get; } = new();

    public ObservedSnapshot Snapshot { get; } = new();

    public ObservedMetrics Metrics { get; }

    public ObservedTrafficMonitor Monitor { get; }

    /// <summary>Two nodes of equal size.</summary>
    public ObservedHarness WithNodes()
    {
        Nodes.Put(ApiObjects.Node("node-1"));
        Nodes.Put(ApiObjects.Node("node-2"));
        return this;
    }

    /// <summary>A Service with the slice <c>name-abc</c>, one ready endpoint (a Pod) per node given.</summary>
    public ObservedHarness WithService(string ns, string name, string? externalTrafficPolicy, string type, IDictionary<string, string>? annotations, params string[] nodes)
    {
        var service = ApiObjects.Service(ns, name, externalTrafficPolicy, type);
        service.Metadata.Annotations = annotations;
        Services.Put(service);
        var slice = ApiObjects.Slice(ns, $"{name}-abc", name, nodes);
        Index.Apply(Slices.Put(slice), slice);
        return this;
    }

    /// <summary>Runs one interval at the current time, then moves the clock one interval on.</summary>
    public async Task RunIntervalsAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Monitor.RunIntervalAsync(CancellationToken.None);
            Time.Advance(Interval);
        }
    }

    public IReadOnlyList<(string Type, string Reason, string Message)> EventsOn(string ns, string name) =>
        [.. Events.Written.Where(e => e.Target.Object.Namespace == ns && e.Target.Object.Name == name).Select(e => (e.Type, e.Reason, e.Message))];

    public Finding? Reported(string ns, string name) =>
        Snapshot.Findings.SingleOrDefault(f => f.Object.Namespace == ns && f.Object.Name == name);

    public void Dispose() => _http.Dispose();
}
