using k8s;
using k8s.Models;
using LbOperator.Kubernetes.GatewayApi;
using LbOperator.Kubernetes.MetalLb;
using LbOperator.Kubernetes.Protobuf;

namespace LbOperator.Operator.Informers;

/// <summary>
/// The list/watch calls of every kind the operator caches. Services and EndpointSlices, the bulk of a
/// cluster, list in protobuf when the client is a <see cref="ProtobufKubernetes"/>.
/// </summary>
public static class ResourceClients
{
    public const string GatewayGroup = "gateway.networking.k8s.io";

    /// <summary>Served by every Gateway API release that has ReferenceGrants (v1 arrived later, beside it).</summary>
    public const string ReferenceGrantVersion = "v1beta1";

    public static ResourceClient<V1Service, V1ServiceList> Services(IKubernetes client) => new("services", true, (ns, r, ct) => ns is null
        ? client.CoreV1.ListServiceForAllNamespacesWithHttpMessagesAsync(r.AllowWatchBookmarks, resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, watch: r.Watch, cancellationToken: ct)
        : client.CoreV1.ListNamespacedServiceWithHttpMessagesAsync(ns, r.AllowWatchBookmarks, resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, watch: r.Watch, cancellationToken: ct),
        client is ProtobufKubernetes protobuf
            ? (ns, resourceVersion, ct) => protobuf.ListAsync<V1Service, V1ServiceList>(Path("/api/v1", ns, "services"), resourceVersion, ServiceDecoder.Service, ct)
            : null);

    public static ResourceClient<V1EndpointSlice, V1EndpointSliceList> EndpointSlices(IKubernetes client) => new("endpointslices", true, (ns, r, ct) => ns is null
        ? client.DiscoveryV1.ListEndpointSliceForAllNamespacesWithHttpMessagesAsync(r.AllowWatchBookmarks, resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, watch: r.Watch, cancellationToken: ct)
        : client.DiscoveryV1.ListNamespacedEndpointSliceWithHttpMessagesAsync(ns, r.AllowWatchBookmarks, resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, watch: r.Watch, cancellationToken: ct),
        client is ProtobufKubernetes protobuf
            ? (ns, resourceVersion, ct) => protobuf.ListAsync<V1EndpointSlice, V1EndpointSliceList>(Path("/apis/discovery.k8s.io/v1", ns, "endpointslices"), resourceVersion, EndpointSliceDecoder.EndpointSlice, ct)
            : null);

    public static ResourceClient<V1Node, V1NodeList> Nodes(IKubernetes client) => new("nodes", false, (_, r, ct) =>
        client.CoreV1.ListNodeWithHttpMessagesAsync(r.AllowWatchBookmarks, resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, watch: r.Watch, cancellationToken: ct));

    public static ResourceClient<V1Ingress, V1IngressList> Ingresses(IKubernetes client) => new("ingresses", true, (ns, r, ct) => ns is null
        ? client.NetworkingV1.ListIngressForAllNamespacesWithHttpMessagesAsync(r.AllowWatchBookmarks, resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, watch: r.Watch, cancellationToken: ct)
        : client.NetworkingV1.ListNamespacedIngressWithHttpMessagesAsync(ns, r.AllowWatchBookmarks, resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, watch: r.Watch, cancellationToken: ct));

    public static ResourceClient<HttpRoute, HttpRouteList> HttpRoutes(IKubernetes client) => new("httproutes", true, (ns, r, ct) => ns is null
        ? client.CustomObjects.ListClusterCustomObjectWithHttpMessagesAsync<HttpRouteList>(GatewayGroup, "v1", "httproutes", r.AllowWatchBookmarks, resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, watch: r.Watch, cancellationToken: ct)
        : client.CustomObjects.ListNamespacedCustomObjectWithHttpMessagesAsync<HttpRouteList>(GatewayGroup, "v1", ns, "httproutes", r.AllowWatchBookmarks, resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, watch: r.Watch, cancellationToken: ct));

    public static ResourceClient<GrpcRoute, GrpcRouteList> GrpcRoutes(IKubernetes client) => new("grpcroutes", true, (ns, r, ct) => ns is null
        ? client.CustomObjects.ListClusterCustomObjectWithHttpMessagesAsync<GrpcRouteList>(GatewayGroup, "v1", "grpcroutes", r.AllowWatchBookmarks, resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, watch: r.Watch, cancellationToken: ct)
        : client.CustomObjects.ListNamespacedCustomObjectWithHttpMessagesAsync<GrpcRouteList>(GatewayGroup, "v1", ns, "grpcroutes", r.AllowWatchBookmarks, resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, watch: r.Watch, cancellationToken: ct));

    public static ResourceClient<ReferenceGrant, ReferenceGrantList> ReferenceGrants(IKubernetes client) => new("referencegrants", true, (ns, r, ct) => ns is null
        ? client.CustomObjects.ListClusterCustomObjectWithHttpMessagesAsync<ReferenceGrantList>(GatewayGroup, ReferenceGrantVersion, "referencegrants", r.AllowWatchBookmarks, resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, watch: r.Watch, cancellationToken: ct)
        : client.CustomObjects.ListNamespacedCustomObjectWithHttpMessagesAsync<ReferenceGrantList>(GatewayGroup, ReferenceGrantVersion, ns, "referencegrants", r.AllowWatchBookmarks, resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, watch: r.Watch, cancellationToken: ct));

    public static ResourceClient<V1IngressClass, V1IngressClassList> IngressClasses(IKubernetes client) => new("ingressclasses", false, (_, r, ct) =>
        client.NetworkingV1.ListIngressClassWithHttpMessagesAsync(r.AllowWatchBookmarks, resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, watch: r.Watch, cancellationToken: ct));

    public static ResourceClient<MetalLbAdvertisement, MetalLbAdvertisementList> L2Advertisements(IKubernetes client) => MetalLb(client, "l2advertisements");

    public static ResourceClient<MetalLbAdvertisement, MetalLbAdvertisementList> BgpAdvertisements(IKubernetes client) => MetalLb(client, "bgpadvertisements");

    private static string Path(string groupVersion, string? @namespace, string plural) =>
        @namespace is null ? $"{groupVersion}/{plural}" : $"{groupVersion}/namespaces/{Uri.EscapeDataString(@namespace)}/{plural}";

    private static ResourceClient<MetalLbAdvertisement, MetalLbAdvertisementList> MetalLb(IKubernetes client, string plural) => new(plural, true, (ns, r, ct) => ns is null
        ? client.CustomObjects.ListClusterCustomObjectWithHttpMessagesAsync<MetalLbAdvertisementList>(MetalLbAdvertisement.KubeGroup, MetalLbAdvertisement.KubeVersion, plural, r.AllowWatchBookmarks, resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, watch: r.Watch, cancellationToken: ct)
        : client.CustomObjects.ListNamespacedCustomObjectWithHttpMessagesAsync<MetalLbAdvertisementList>(MetalLbAdvertisement.KubeGroup, MetalLbAdvertisement.KubeVersion, ns, plural, r.AllowWatchBookmarks, resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, watch: r.Watch, cancellationToken: ct));
}
