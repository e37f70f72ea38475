using k8s;
using k8s.Models;
using LbOperator.Kubernetes.GatewayApi;
using LbOperator.Operator.Metrics;
using LbOperator.Operator.Options;
using LbOperator.Operator.Runtime;
using Microsoft.Extensions.Logging;

namespace LbOperator.Operator.Informers;

/// <summary>
/// The informers of every kind the operator reads: Services, EndpointSlices, Nodes, Ingresses and,
/// while the CRD exists, HTTPRoutes. Their subscribers share one notification gate, so change
/// handlers never run concurrently. Ready once every started informer has synced.
/// </summary>
public sealed class ClusterCaches : ICacheReadiness
{
    private readonly Lock notificationGate = new();
    private readonly IReadOnlyList<IInformer> informers;

    public ClusterCaches(IKubernetes client, OperatorOptions options, Func<CancellationToken, Task<DiscoveryAnswer>> discoverHttpRoutes,
        TimeProvider time, OperatorMetrics metrics, ILoggerFactory loggers)
    {
        var excluded = options.ExcludedNamespaces.ToHashSet(StringComparer.Ordinal);
        var watched = options.WatchNamespaces.ToHashSet(StringComparer.Ordinal);
        var settings = new InformerSettings(
            watched.Count == 0 ? [null] : watched.Order(StringComparer.Ordinal).Cast<string?>().ToList(),
            ns => !excluded.Contains(ns) && (watched.Count == 0 || watched.Contains(ns)),
            options.WatchSilenceTimeout,
            WatchTimeout: TimeSpan.FromMinutes(5));
        var logger = loggers.CreateLogger<ClusterCaches>();

        var services = new Informer<V1Service, V1ServiceList>(ResourceClients.Services(client), settings, notificationGate, time, metrics, logger);
        var slices = new Informer<V1EndpointSlice, V1EndpointSliceList>(ResourceClients.EndpointSlices(client), settings, notificationGate, time, metrics, logger);
        var nodes = new Informer<V1Node, V1NodeList>(ResourceClients.Nodes(client), settings, notificationGate, time, metrics, logger);
        var ingresses = new Informer<V1Ingress, V1IngressList>(ResourceClients.Ingresses(client), settings, notificationGate, time, metrics, logger);
        var routes = new Informer<HttpRoute, HttpRouteList>(ResourceClients.HttpRoutes(client), settings, notificationGate, time, metrics, logger);
        HttpRouteSupervisor = new HttpRouteInformerSupervisor(routes, discoverHttpRoutes, options.CrdCheckInterval, time, logger);

        Services = services.Cache;
        EndpointSlices = slices.Cache;
        Nodes = nodes.Cache;
        Ingresses = ingresses.Cache;
        HttpRoutes = routes.Cache;
        informers = [services, slices, nodes, ingresses, HttpRouteSupervisor];
    }

    public InformerCache<V1Service> Services { get; }

    public InformerCache<V1EndpointSlice> EndpointSlices { get; }

    public InformerCache<V1Node> Nodes { get; }

    public InformerCache<V1Ingress> Ingresses { get; }

    public InformerCache<HttpRoute> HttpRoutes { get; }

    public HttpRouteInformerSupervisor HttpRouteSupervisor { get; }

    public bool IsSynced => informers.All(i => i.HasSynced);

    public Task RunAsync(CancellationToken stoppingToken) => Task.WhenAll(informers.Select(i => i.RunAsync(stoppingToken)));
}
