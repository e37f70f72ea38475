using LbOperator.Core.Model;
using LbOperator.Kubernetes.Manifests;

namespace LbOperator.Kubernetes.Tests.Manifests;

/// <summary>The kinds that decide how traffic is routed: IngressClass, ReferenceGrant, GRPCRoute and MetalLB advertisements.</summary>
public class ManifestLoaderRoutingKindsTests
{
    [Fact]
    public void Ingress_classes_are_cluster_scoped_and_keep_their_controller_and_default_mark()
    {
        var set = ManifestLoader.LoadText("""
            apiVersion: networking.k8s.io/v1
            kind: IngressClass
            metadata:
              name: nginx-internal
              annotations: {ingressclass.kubernetes.io/is-default-class: "true"}
            spec: {controller: k8s.io/ingress-nginx}
            """, "x.yaml");

        Assert.Null(Assert.Single(set.Objects).Namespace);
        Assert.Equal([new IngressClassInfo("nginx-internal", "k8s.io/ingress-nginx", IsDefault: true)], set.Extras.IngressClasses);
    }

    [Theory]
    [InlineData("gateway.networking.k8s.io/v1beta1")]
    [InlineData("gateway.networking.k8s.io/v1")]
    public void Reference_grants_are_read_in_both_served_versions(string apiVersion)
    {
        var set = ManifestLoader.LoadText($$"""
            apiVersion: {{apiVersion}}
            kind: ReferenceGrant
            metadata: {name: from-shop, namespace: payments}
            spec:
              from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: shop}]
              to: [{group: "", kind: Service, name: pay}, {group: "", kind: Service}]
            """, "x.yaml");

        var grant = Assert.Single(set.Extras.ReferenceGrants);
        Assert.Equal(("payments", "from-shop"), (grant.Namespace, grant.Name));
        Assert.Equal([new ReferenceGrantFrom("gateway.networking.k8s.io", "HTTPRoute", "shop")], grant.From);
        Assert.Equal([new ReferenceGrantTo("", "Service", "pay"), new ReferenceGrantTo("", "Service", null)], grant.To);
    }

    [Fact]
    public void A_grpc_route_becomes_a_route_of_kind_grpc_route_with_its_parents()
    {
        var set = ManifestLoader.LoadText("""
            apiVersion: gateway.networking.k8s.io/v1
            kind: GRPCRoute
            metadata: {name: orders, namespace: shop}
            spec:
              parentRefs: [{group: "", kind: Service, name: orders}]
              rules:
              - matches: [{method: {service: shop.Orders}}]
                backendRefs: [{name: orders-v1, port: 50051, weight: 9}, {name: orders-v2, port: 50051, weight: 1}]
            """, "x.yaml");

        var route = Assert.Single(set.HttpRoutes);
        Assert.Equal(new ObjectRef(ObjectKind.GrpcRoute, "shop", "orders"), route.Ref);
        Assert.True(Assert.Single(route.ParentRefs!).IsService);
        Assert.Equal([9L, 1L], route.Rules[0].BackendRefs.Select(b => b.Weight));
        Assert.Equal(new ObjectRef(ObjectKind.GrpcRoute, "shop", "orders"), set.ToClusterView().GetGrpcRoute("shop", "orders")?.Ref);
    }

    [Theory]
    [InlineData("L2Advertisement", MetalLbMode.Layer2)]
    [InlineData("BGPAdvertisement", MetalLbMode.Bgp)]
    public void Metallb_advertisements_keep_their_mode_and_pools(string kind, MetalLbMode mode)
    {
        var set = ManifestLoader.LoadText($$"""
            apiVersion: metallb.io/v1beta1
            kind: {{kind}}
            metadata: {name: public, namespace: metallb-system}
            spec: {ipAddressPools: [public]}
            """, "x.yaml");

        var advertisement = Assert.Single(set.Extras.MetalLbAdvertisements);
        Assert.Equal(("metallb-system", "public", mode), (advertisement.Namespace, advertisement.Name, advertisement.Mode));
        Assert.Equal(["public"], advertisement.IpAddressPools);
    }
}
