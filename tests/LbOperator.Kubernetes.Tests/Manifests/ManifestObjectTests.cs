using LbOperator.Core.Model;
using LbOperator.Kubernetes.Manifests;

namespace LbOperator.Kubernetes.Tests.Manifests;

/// <summary>Every kind read is kept as its analysis record with its identity; the model is not kept.</summary>
public class ManifestObjectTests
{
    [Theory]
    [InlineData("v1", "Service", "metadata: {name: o, namespace: shop, uid: u-1}", typeof(ServiceInfo), "shop")]
    [InlineData("v1", "Node", "metadata: {name: o, uid: u-1}", typeof(NodeInfo), null)]
    [InlineData("discovery.k8s.io/v1", "EndpointSlice", "metadata: {name: o, namespace: shop, uid: u-1, labels: {kubernetes.io/service-name: web}}\naddressType: IPv4", typeof(EndpointSliceInfo), "shop")]
    [InlineData("networking.k8s.io/v1", "Ingress", "metadata: {name: o, namespace: shop, uid: u-1}", typeof(IngressInfo), "shop")]
    [InlineData("networking.k8s.io/v1", "IngressClass", "metadata: {name: o, uid: u-1}", typeof(IngressClassInfo), null)]
    [InlineData("gateway.networking.k8s.io/v1", "HTTPRoute", "metadata: {name: o, namespace: shop, uid: u-1}", typeof(HttpRouteInfo), "shop")]
    [InlineData("gateway.networking.k8s.io/v1beta1", "HTTPRoute", "metadata: {name: o, namespace: shop, uid: u-1}", typeof(HttpRouteInfo), "shop")]
    [InlineData("gateway.networking.k8s.io/v1", "GRPCRoute", "metadata: {name: o, namespace: shop, uid: u-1}", typeof(HttpRouteInfo), "shop")]
    [InlineData("gateway.networking.k8s.io/v1beta1", "ReferenceGrant", "metadata: {name: o, namespace: shop, uid: u-1}", typeof(ReferenceGrantInfo), "shop")]
    [InlineData("metallb.io/v1beta1", "L2Advertisement", "metadata: {name: o, namespace: metallb, uid: u-1}", typeof(MetalLbAdvertisementInfo), "metallb")]
    [InlineData("metallb.io/v1beta1", "BGPAdvertisement", "metadata: {name: o, namespace: metallb, uid: u-1}", typeof(MetalLbAdvertisementInfo), "metallb")]
    public void Each_kind_is_kept_as_its_analysis_record(string apiVersion, string kind, string rest, Type record, string? @namespace)
    {
        var item = Assert.Single(ManifestLoader.LoadText($"apiVersion: {apiVersion}\nkind: {kind}\n{rest}\n", "x.yaml").Objects);

        Assert.Equal((apiVersion, kind, @namespace, "o", "u-1"), (item.ApiVersion, item.Kind, item.Namespace, item.Name, item.Uid));
        Assert.IsType(record, item.Mapped);
        Assert.Equal(new SourceLocation("x.yaml", 1), item.Source);
    }

    [Fact]
    public void A_grpc_route_is_told_apart_from_an_http_route()
    {
        var set = ManifestLoader.LoadText(
            "apiVersion: gateway.networking.k8s.io/v1\nkind: GRPCRoute\nmetadata: {name: g}\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: h}\n",
            "x.yaml");

        Assert.Equal([(ObjectKind.HttpRoute, "h"), (ObjectKind.GrpcRoute, "g")], set.HttpRoutes.Select(r => (r.Kind, r.Name)));
    }
}
