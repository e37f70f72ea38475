using LbOperator.ApiEmulator.Backends;
using LbOperator.Kubernetes.GatewayApi;
using LbOperator.Kubernetes.MetalLb;
using LbOperator.Operator.Metrics;
using LbOperator.Operator.Publishing;
using LbOperator.Operator.Tests.Fakes;
using LbOperator.Operator.Tests.Support;
using LbOperator.Runtime.Metrics;
using k8s;
using k8s.Models;

namespace LbOperator.Operator.Tests.Scenarios;

/// <summary>
/// The operator audits GRPCRoutes and reads ReferenceGrants and IngressClasses from the API server, on the
/// emulator and on a real kube-apiserver with the Gateway API v1.6.1 CRDs (envtest, when available).
/// </summary>
public sealed class RoutingKindsScenarioTests
{
    private const string Shop = ScenarioSteps.Namespace;

    // orders-v1 has 3 pods, orders-v2 1 pod; 50/50 → orders-v2's pod gets 50% of a pool of 4: skew 2.0.
    [Theory]
    [ApiServerBackend(ApiServerBackend.Emulator)]
    [ApiServerBackend(ApiServerBackend.Envtest)]
    public async Task A_grpc_route_is_audited_as_its_own_entry_point(ApiServerBackend backend)
    {
        await using var server = await StartAsync(backend);
        using var client = new k8s.Kubernetes(server.ClientConfiguration());
        await using var operatorUnderTest = await OperatorUnderTest.StartAsync(server.ClientConfiguration());

        await ServiceWithPodsAsync(client, Shop, "orders-v1", 3);
        await ServiceWithPodsAsync(client, Shop, "orders-v2", 1);
        await client.ApplyAsync(new GrpcRoute
        {
            Metadata = new V1ObjectMeta { NamespaceProperty = Shop, Name = "orders" },
            Spec = new HttpRouteSpec { Rules = [new HttpRouteRule { Name = "split", BackendRefs = [Backend("orders-v1", null, 50), Backend("orders-v2", null, 50)] }] },
        });

        await Poll.UntilAsync(() => Gauge(operatorUnderTest.Exposition, StateMetrics.TrafficSkew, Shop, "GRPCRoute", "orders", "split") == 2.0, "GRPCRoute shop/orders rule split has skew 2");
    }

    [Theory]
    [ApiServerBackend(ApiServerBackend.Emulator)]
    [ApiServerBackend(ApiServerBackend.Envtest)]
    public async Task A_cross_namespace_backend_is_blackholed_until_a_reference_grant_allows_it(ApiServerBackend backend)
    {
        await using var server = await StartAsync(backend);
        using var client = new k8s.Kubernetes(server.ClientConfiguration());
        await using var operatorUnderTest = await OperatorUnderTest.StartAsync(server.ClientConfiguration());

        await ServiceWithPodsAsync(client, "payments", "pay", 2);
        await client.ApplyAsync(new HttpRoute
        {
            Metadata = new V1ObjectMeta { NamespaceProperty = Shop, Name = "checkout" },
            Spec = new HttpRouteSpec { Rules = [new HttpRouteRule { BackendRefs = [Backend("pay", "payments", null)] }] },
        });
        await Poll.UntilAsync(() => Gauge(operatorUnderTest.Exposition, StateMetrics.BlackholedTraffic, Shop, "HTTPRoute", "checkout", "rule-0") == 1.0, "the route's traffic is blackholed (RefNotPermitted)");

        await client.ApplyAsync(new ReferenceGrant
        {
            Metadata = new V1ObjectMeta { NamespaceProperty = "payments", Name = "from-shop" },
            Spec = new ReferenceGrantSpec
            {
                From = [new ReferenceGrantPeer { Group = GatewayGroup, Kind = "HTTPRoute", Namespace = Shop }],
                To = [new ReferenceGrantPeer { Group = "", Kind = "Service" }],
            },
        });

        await Poll.UntilAsync(() => Gauge(operatorUnderTest.Exposition, StateMetrics.BlackholedTraffic, Shop, "HTTPRoute", "checkout", "rule-0") == 0.0, "the grant lets the route's traffic through");
    }

    // web has 3 pods, web-canary 1 pod at weight 90: served by ingress-nginx the canary pod gets 90% of 4 (skew 3.6);
    // once the class is deleted no controller is known to serve it, so the canary weight no longer applies: skew 1.0.
    [Theory]
    [ApiServerBackend(ApiServerBackend.Emulator)]
    [ApiServerBackend(ApiServerBackend.Envtest)]
    public async Task An_ingress_class_decides_whether_canary_weights_apply(ApiServerBackend backend)
    {
        await using var server = await StartAsync(backend);
        using var client = new k8s.Kubernetes(server.ClientConfiguration());
        await using var operatorUnderTest = await OperatorUnderTest.StartAsync(server.ClientConfiguration());

        await client.ApplyAsync(Class("k8s.io/ingress-nginx"));
        await ServiceWithPodsAsync(client, Shop, "web", 3);
        await ServiceWithPodsAsync(client, Shop, "web-canary", 1);
        await client.ApplyAsync(InClass(ApiObjects.Ingress(Shop, "web", "shop.example.com", "/", "web")));
        await client.ApplyAsync(InClass(ApiObjects.Ingress(Shop, "web-canary", "shop.example.com", "/", "web-canary", new Dictionary<string, string>
        {
            ["nginx.ingress.kubernetes.io/canary"] = "true",
            ["nginx.ingress.kubernetes.io/canary-weight"] = "90",
        })));
        await Poll.UntilAsync(() => Gauge(operatorUnderTest.Exposition, StateMetrics.TrafficSkew, Shop, "Ingress", "web", "shop.example.com/") == 3.6, "the nginx-internal canary skews shop.example.com/ to 3.6");

        await client.DeleteAsync<V1IngressClass>(null, "nginx-internal");

        await Poll.UntilAsync(() => Gauge(operatorUnderTest.Exposition, StateMetrics.TrafficSkew, Shop, "Ingress", "web", "shop.example.com/") == 1.0, "without the class the canary weight no longer applies");
    }

    // A LoadBalancer Service under Local with 2 pods on each of 3 nodes is even per node (1.0) until an
    // L2Advertisement shows MetalLB layer 2: one node's 2 pods take everything, skew 6 ÷ 2 = 3.0. The real
    // API server has no MetalLB CRDs here, so this runs on the emulator only.
    [Theory]
    [ApiServerBackend(ApiServerBackend.Emulator)]
    public async Task A_metallb_l2_advertisement_concentrates_a_local_service_on_one_node(ApiServerBackend backend)
    {
        await using var server = await StartAsync(backend);
        using var client = new k8s.Kubernetes(server.ClientConfiguration());
        await using var operatorUnderTest = await OperatorUnderTest.StartAsync(server.ClientConfiguration());
        var service = ApiObjects.Service(Shop, "web", "Local", "LoadBalancer");
        (service.Metadata.Uid, service.Metadata.ResourceVersion) = (null, null);
        await client.ApplyAsync(service);
        await client.ApplyAsync(ApiObjects.Slice(Shop, "web-abc", "web", "node-1", "node-1", "node-2", "node-2", "node-3", "node-3"));
        await Poll.UntilAsync(() => Gauge(operatorUnderTest.Exposition, StateMetrics.TrafficSkew, Shop, "Service", "web", "web") == 1.0, "shop/web is even per node");

        await client.ApplyAsync(new MetalLbAdvertisement { Metadata = new V1ObjectMeta { NamespaceProperty = "metallb-system", Name = "default" } });

        await Poll.UntilAsync(() => Gauge(operatorUnderTest.Exposition, StateMetrics.TrafficSkew, Shop, "Service", "web", "web") == 3.0, "layer 2 concentrates shop/web on one node");
    }

    private const string GatewayGroup = HttpRoute.KubeGroup;

    private static V1IngressClass Class(string controller) => new()
    {
        ApiVersion = "networking.k8s.io/v1",
        Kind = "IngressClass",
        Metadata = new V1ObjectMeta { Name = "nginx-internal" },
        Spec = new V1IngressClassSpec { Controller = controller },
    };

    private static V1Ingress InClass(V1Ingress ingress)
    {
        ingress.Metadata.Uid = null;
        ingress.Spec.IngressClassName = "nginx-internal";
        return ingress;
    }

    private static HttpBackendRef Backend(string service, string? ns, int? weight) => new() { Name = service, Namespace = ns, Port = 80, Weight = weight };

    private static async Task ServiceWithPodsAsync(IKubernetes client, string ns, string name, int pods)
    {
        var service = ApiObjects.Service(ns, name);
        (service.Metadata.Uid, service.Metadata.ResourceVersion) = (null, null);
        await client.ApplyAsync(service);
        await client.ApplyAsync(ApiObjects.Slice(ns, name + "-abc", name, Enumerable.Range(0, pods).Select(i => i % 2 == 0 ? "node-1" : "node-2").ToArray()));
    }

    private static double? Gauge(MetricsExposition exposition, ScrapedFamily family, string ns, string kind, string name, string entryPoint) =>
        Scrape.Now(exposition).Value(family.Name, ns, kind, name, entryPoint) is { } value ? Math.Round(value, 6) : null;

    private static async Task<IApiServer> StartAsync(ApiServerBackend backend)
    {
        var server = await ApiServers.StartAsync(backend);
        await server.InstallGatewayApiAsync(CancellationToken.None);
        using var client = new k8s.Kubernetes(server.ClientConfiguration());
        foreach (var name in new[] { Shop, "payments", "ops", "metallb-system" })
        {
            await client.EnsureNamespaceAsync(name);
        }

        return server;
    }
}
