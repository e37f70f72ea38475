using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Kubernetes.GatewayApi;
using LbOperator.Operator.Caching;
using LbOperator.Operator.Metrics;
using LbOperator.Operator.Publishing;
using LbOperator.Operator.Reconciliation;
using LbOperator.Operator.Tests.Fakes;
using LbOperator.Operator.Tests.Support;
using LbOperator.Runtime.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Prometheus;
using k8s.Models;

namespace LbOperator.Operator.Tests.Reconciliation;

/// <summary>A reconciler over in-memory caches with real analysis, metrics on a private registry and recorded Events.</summary>
internal sealed class ReconcilerHarness
{
    public ReconcilerHarness()
    {
        var view = View = new CacheClusterView(Services, Slices, Nodes, Ingresses, Routes, Index);
        StateMetrics = new StateMetrics(States);
        Exposition = new MetricsExposition(Prometheus.Metrics.NewCustomRegistry(), [StateMetrics]);
        Metrics = new OperatorMetrics(Exposition);
        Reconciler = new Reconciler(
            view,
            AnalysisPolicy.Default,
            new AuditedObjectReader(Services, Ingresses, Routes, view),
            Readiness,
            Events,
            States,
            Metrics,
            Time,
            NullLogger<Reconciler>.Instance);
    }

    public FakeTimeProvider Time { get; } = new();

    public InMemoryObjectStore<V1Service> Services { get; } = new();

    public InMemoryObjectStore<V1EndpointSlice> Slices { get; } = new();

    public InMemoryObjectStore<V1Node> Nodes { get; } = new();

    public InMemoryObjectStore<V1Ingress> Ingresses { get; } = new();

    public InMemoryObjectStore<HttpRoute> Routes { get; } = new();

    public EndpointSliceIndex Index { get; } = new();

    public CacheClusterView View { get; }

    public StaticReadiness Readiness { get; } = new();

    public RecordingEventRecorder Events { get; } = new();

    public PublishedStates States { get; } = new();

    public OperatorMetrics Metrics { get; }

    public MetricsExposition Exposition { get; }

    public StateMetrics StateMetrics { get; }

    public Reconciler Reconciler { get; }

    public void PutSlice(V1EndpointSlice slice) => Index.Apply(Slices.Put(slice), slice);

    public Task<ReconcileResult> Reconcile(string key) =>
        Reconciler.ReconcileAsync(ObjectRef.TryParse(key, out var parsed) ? parsed! : throw new ArgumentException(key), CancellationToken.None);

    /// <summary>The outage: a LoadBalancer Service with externalTrafficPolicy Local, five pods on node-1 and one on node-2.</summary>
    public void LoadOutage(string externalTrafficPolicy = "Local")
    {
        Nodes.Put(ApiObjects.Node("node-1"));
        Nodes.Put(ApiObjects.Node("node-2"));
        Services.Put(ApiObjects.Service("shop", "web", externalTrafficPolicy, "LoadBalancer"));
        PutSlice(ApiObjects.Slice("shop", "web-abc", "web", "node-1", "node-1", "node-1", "node-1", "node-1", "node-2"));
    }

    /// <summary>The series as a scrape would see it now; null when absent.</summary>
    public double? Gauge(ScrapedFamily family, params string[] labels) => Scrape.Now(Exposition).Value(family.Name, labels);

    /// <summary>Every series of <paramref name="family"/> a scrape would see now.</summary>
    public IReadOnlyList<string[]> Series(ScrapedFamily family) => Scrape.Now(Exposition).Series(family.Name);

    /// <summary>The config change counter as a scrape would see it now; null when absent.</summary>
    public double? ConfigChanges(string ns, string kind) => Scrape.Now(Exposition).Value(StateMetrics.ConfigChanges.Name, ns, kind);
}
