using LbOperator.Core.Model;
using LbOperator.Operator.Caching;
using LbOperator.Operator.Changes;
using LbOperator.Operator.Hosting;
using LbOperator.Operator.Informers;
using LbOperator.Operator.Metrics;
using LbOperator.Operator.Options;
using LbOperator.Operator.Publishing;
using LbOperator.Operator.Queue;
using LbOperator.Operator.Routing;
using LbOperator.Operator.Tests.Fakes;
using LbOperator.Runtime.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using k8s;
using k8s.Models;

namespace LbOperator.Operator.Tests.Hosting;

public sealed class ChangeFeedTests : IDisposable
{
    private readonly OperatorMetrics _metrics = new(new MetricsExposition(Prometheus.Metrics.NewCustomRegistry(), []));
    private readonly ClusterCaches _caches;
    private readonly WorkQueue _queue;
    private readonly EndpointSliceIndex _index = new();
    private bool _synced;

    public ChangeFeedTests()
    {
        _caches = new ClusterCaches(Mock.Of<IKubernetes>(), new OperatorOptions(), _ => Task.FromResult(DiscoveryAnswer.NotServed),
            new FakeTimeProvider(), _metrics, NullLoggerFactory.Instance);
        _queue = new WorkQueue(new FakeTimeProvider(), _metrics);
        ChangeFeed.Connect(_caches, new DependencyRouter(_index, new CacheClusterView(_caches.Services, _caches.EndpointSlices, _caches.Nodes, _caches.Ingresses, _caches.HttpRoutes, _index)), _queue, () => _synced);
    }

    [Fact]
    public async Task A_cached_endpoint_slice_change_indexes_the_slice_and_queues_its_service_and_routers()
    {
        _caches.Ingresses.Apply(WatchEventType.Added, ApiObjects.Ingress("shop", "web", "shop.example.com", "/", "web"));
        await Drain();

        _caches.EndpointSlices.Apply(WatchEventType.Added, ApiObjects.Slice("shop", "web-abc", "web", "node-1"));

        Assert.Equal(["Ingress/shop/web", "Service/shop/web"], (await Drain()).Select(key => key.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(["web-abc"], _index.SlicesOf("shop", "web"));
    }

    [Fact]
    public async Task Nodes_listed_before_the_caches_have_synced_queue_nothing_as_the_first_full_audit_covers_every_Service()
    {
        _caches.Services.Apply(WatchEventType.Added, ApiObjects.Service("shop", "web", "Local", "LoadBalancer"));
        await Drain();

        _caches.Nodes.Replace(null, [ApiObjects.Node("node-1"), ApiObjects.Node("node-2")]);

        Assert.Empty(await Drain());
    }

    [Fact]
    public async Task A_Node_added_once_the_caches_have_synced_queues_the_Services_that_weigh_every_Node_even_if_one_cache_relists_later()
    {
        _caches.Services.Apply(WatchEventType.Added, ApiObjects.Service("shop", "web", "Local", "LoadBalancer"));
        _caches.Nodes.Replace(null, [ApiObjects.Node("node-1")]);
        await Drain();

        _synced = true;
        _caches.Nodes.Apply(WatchEventType.Added, ApiObjects.Node("node-2"));
        var afterSync = await Drain();
        _synced = false;
        _caches.Nodes.Apply(WatchEventType.Added, ApiObjects.Node("node-3"));
        var afterRelist = await Drain();

        Assert.Equal(["Service/shop/web"], afterSync.Select(key => key.ToString()));
        Assert.Equal(["Service/shop/web"], afterRelist.Select(key => key.ToString()));
    }

    [Fact]
    public void A_full_audit_covers_the_cached_objects_and_the_keys_with_published_state()
    {
        _caches.Services.Apply(WatchEventType.Added, ApiObjects.Service("shop", "web"));
        _caches.Ingresses.Apply(WatchEventType.Added, ApiObjects.Ingress("shop", "web", "shop.example.com", "/", "web"));
        var published = new PublishedStates();
        var gone = new ObjectRef(ObjectKind.Service, "shop", "deleted-while-down");
        published.Set(new PublishedState(gone, Operator.Changes.LoadBalancingConfig.Empty,
            new Dictionary<FindingKey, PublishedFinding>(), new Dictionary<string, EntryPointGauges>(), new Dictionary<string, double>()));

        var keys = ChangeFeed.AuditedKeys(_caches, published);

        Assert.Equal(["Ingress/shop/web", "Service/shop/deleted-while-down", "Service/shop/web"], keys.Select(key => key.ToString()).Order(StringComparer.Ordinal));
    }

    public void Dispose() => _queue.Dispose();

    private async Task<List<ObjectRef>> Drain()
    {
        var keys = new List<ObjectRef>();
        while (_queue.Depth > 0 && await _queue.TakeAsync(CancellationToken.None) is { } key)
        {
            keys.Add(key);
            _queue.Done(key);
        }

        return keys;
    }
}
