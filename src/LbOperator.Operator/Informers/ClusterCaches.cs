using k8s;
using k8s.Models;
using LbOperator.Kubernetes.GatewayApi;
using LbOperator.Kubernetes.MetalLb;
using LbOperator.Operator.Metrics;
using LbOperator.Operator.Options;
using LbOperator.Runtime;
using Microsoft.Extensions.Logging;

namespace LbOperator.Operator.Informers;

/// <summary>
/// The informers of every kind the operator reads: Services, EndpointSlices, Nodes, Ingresses,
/// IngressClasses and, each while its API is served, HTTPRoutes, GRPCRoutes, ReferenceGrants and MetalLB's
/// L2Advertisements and BGPAdvertisements. Their
/// subscribers share one notification gate, so change handlers never run concurrently. Ready once every
/// started informer has synced.
/// </summary>
public sealed class ClusterCaches : ICacheReadiness
{
    private readonly Lock notificationGate = new();
    private readonly IReadOnlyList<IInformer> informers;

    /// <param name="discoverOptionalApis">Discovery of the optional CRD-backed kinds; every one is taken as not served when null.</param>
    public ClusterCaches(IKubernetes client, OperatorOptions options, Func<CancellationToken, Task<DiscoveryAnswer>> discoverHttpRoutes,
        TimeProvider time, OperatorMetrics metrics, ILoggerFactory loggers, OptionalApisServed? discoverOptionalApis = null)
    {
        var excluded = options.ExcludedNamespaces.ToHashSet(StringComparer.Ordinal);
        var watched = options.WatchNamespaces.ToHashSet(StringComparer.Ordinal);
        var settings = new InformerSettings(
            watched.Count == 0 ? [null] : watched.Order(StringComparer.Ordinal).Cast<string?>().ToList(),
            ns => !excluded.Contains(ns) && (watched.Count == 0 || watched.Contains(ns)),
            options.WatchSilenceTimeout,
            WatchTimeout: ServerWatchTimeout(options.WatchSilenceTimeout));
        var logger = loggers.CreateLogger<ClusterCaches>();

        var services = new Informer<V1Service, V1ServiceList>(ResourceClients.Services(client), settings, notificationGate, time, metrics, logger);
        var slices = new Informer<V1EndpointSlice, V1EndpointSliceList>(ResourceClients.EndpointSlices(client), settings, notificationGate, time, metrics, logger);
        var nodes = new Informer<V1Node, V1NodeList>(ResourceClients.Nodes(client), settings, notificationGate, time, metrics, logger);
        var ingresses = new Informer<V1Ingress, V1IngressList>(ResourceClients.Ingresses(client), settings, notificationGate, time, metrics, logger);
        var routes = new Informer<HttpRoute, HttpRouteList>(ResourceClients.HttpRoutes(client), settings, notificationGate, time, metrics, logger);
        HttpRouteSupervisor = new ServedApiInformerSupervisor<HttpRoute, HttpRouteList>(routes, discoverHttpRoutes, options.CrdCheckInterval, time, logger);
        var classes = new Informer<V1IngressClass, V1IngressClassList>(ResourceClients.IngressClasses(client), settings, notificationGate, time, metrics, logger);
        var grpcRoutes = new Informer<GrpcRoute, GrpcRouteList>(ResourceClients.GrpcRoutes(client), settings, notificationGate, time, metrics, logger);
        var grants = new Informer<ReferenceGrant, ReferenceGrantList>(ResourceClients.ReferenceGrants(client), settings, notificationGate, time, metrics, logger);
        var served = discoverOptionalApis ?? OptionalApisServed.None;
        var l2 = new Informer<MetalLbAdvertisement, MetalLbAdvertisementList>(ResourceClients.L2Advertisements(client), settings, notificationGate, time, metrics, logger);
        var bgp = new Informer<MetalLbAdvertisement, MetalLbAdvertisementList>(ResourceClients.BgpAdvertisements(client), settings, notificationGate, time, metrics, logger);
        var l2Supervisor = new ServedApiInformerSupervisor<MetalLbAdvertisement, MetalLbAdvertisementList>(l2, served.L2Advertisements, options.CrdCheckInterval, time, logger);
        var bgpSupervisor = new ServedApiInformerSupervisor<MetalLbAdvertisement, MetalLbAdvertisementList>(bgp, served.BgpAdvertisements, options.CrdCheckInterval, time, logger);
        GrpcRouteSupervisor = new ServedApiInformerSupervisor<GrpcRoute, GrpcRouteList>(grpcRoutes, served.GrpcRoutes, options.CrdCheckInterval, time, logger);
        ReferenceGrantSupervisor = new ServedApiInformerSupervisor<ReferenceGrant, ReferenceGrantList>(grants, served.ReferenceGrants, options.CrdCheckInterval, time, logger);

        Services = services.Cache;
        EndpointSlices = slices.Cache;
        Nodes = nodes.Cache;
        Ingresses = ingresses.Cache;
        HttpRoutes = routes.Cache;
        IngressClasses = classes.Cache;
        GrpcRoutes = grpcRoutes.Cache;
        ReferenceGrants = grants.Cache;
        L2Advertisements = l2.Cache;
        BgpAdvertisements = bgp.Cache;
        informers = [services, slices, nodes, ingresses, HttpRouteSupervisor, classes, GrpcRouteSupervisor, ReferenceGrantSupervisor, l2Supervisor, bgpSupervisor];
    }

    public InformerCache<V1Service> Services { get; }

    public InformerCache<V1EndpointSlice> EndpointSlices { get; }

    public InformerCache<V1Node> Nodes { get; }

    public InformerCache<V1Ingress> Ingresses { get; }

    public InformerCache<HttpRoute> HttpRoutes { get; }

    public InformerCache<V1IngressClass> IngressClasses { get; }

    public InformerCache<GrpcRoute> GrpcRoutes { get; }

    public InformerCache<ReferenceGrant> ReferenceGrants { get; }

    public InformerCache<MetalLbAdvertisement> L2Advertisements { get; }

    public InformerCache<MetalLbAdvertisement> BgpAdvertisements { get; }

    public ServedApiInformerSupervisor<HttpRoute, HttpRouteList> HttpRouteSupervisor { get; }

    public ServedApiInformerSupervisor<GrpcRoute, GrpcRouteList> GrpcRouteSupervisor { get; }

    public ServedApiInformerSupervisor<ReferenceGrant, ReferenceGrantList> ReferenceGrantSupervisor { get; }

    /// <summary>
    /// How long the API server keeps each watch open: 5 minutes, as client-go's minimum, but always well inside
    /// the silence bound, so a quiet watch is closed by the server ("closed") before the watchdog would take
    /// it for a dead connection ("silent").
    /// </summary>
    public static TimeSpan ServerWatchTimeout(TimeSpan silenceTimeout) =>
        TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(5).Ticks, silenceTimeout.Ticks * 3 / 4));

    public bool IsSynced => informers.All(i => i.HasSynced);

    public Task RunAsync(CancellationToken stoppingToken) => Task.WhenAll(informers.Select(i => i.RunAsync(stoppingToken)));
}
