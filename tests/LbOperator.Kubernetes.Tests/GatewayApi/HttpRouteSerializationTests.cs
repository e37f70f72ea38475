using k8s;
using k8s.Models;
using LbOperator.Kubernetes.GatewayApi;

namespace LbOperator.Kubernetes.Tests.GatewayApi;

public class HttpRouteSerializationTests
{
    [Fact]
    public void A_route_round_trips_through_KubernetesJson_with_api_field_names()
    {
        var route = new HttpRoute
        {
            Metadata = new V1ObjectMeta { Name = "checkout", NamespaceProperty = "shop" },
            Spec = new HttpRouteSpec
            {
                ParentRefs = [new ParentReference { Name = "gw", SectionName = "https" }],
                Hostnames = ["shop.example.com"],
                Rules = [new HttpRouteRule { Name = "split", BackendRefs = [new HttpBackendRef { Name = "v1", Port = 80, Weight = 9 }] }],
            },
        };

        var json = KubernetesJson.Serialize(route);
        var back = KubernetesJson.Deserialize<HttpRoute>(json);

        Assert.Contains("\"apiVersion\":\"gateway.networking.k8s.io/v1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"HTTPRoute\"", json, StringComparison.Ordinal);
        Assert.Contains("\"backendRefs\":[{\"name\":\"v1\",\"port\":80,\"weight\":9}]", json, StringComparison.Ordinal);
        Assert.Contains("\"sectionName\":\"https\"", json, StringComparison.Ordinal);
        Assert.Equal("checkout", back.Metadata.Name);
        Assert.Equal(9, back.Spec!.Rules![0].BackendRefs![0].Weight);
    }

    [Fact]
    public void A_list_from_the_api_deserialises_with_its_items()
    {
        var list = KubernetesJson.Deserialize<HttpRouteList>("""
            {"apiVersion":"gateway.networking.k8s.io/v1","kind":"HTTPRouteList","metadata":{"resourceVersion":"42"},
             "items":[{"metadata":{"name":"a","namespace":"shop"},"spec":{"rules":[{"backendRefs":[{"name":"svc","port":80}]}]}}]}
            """);

        IItems<HttpRoute> items = list;
        Assert.Equal("42", list.Metadata.ResourceVersion);
        Assert.Equal("svc", Assert.Single(items.Items).Spec!.Rules![0].BackendRefs![0].Name);
    }

    [Fact]
    public void The_constants_name_the_v1_resource()
    {
        Assert.Equal(("gateway.networking.k8s.io", "v1", "httproutes"), (HttpRoute.KubeGroup, HttpRoute.KubeVersion, HttpRoute.KubePluralName));
        Assert.Equal("gateway.networking.k8s.io/v1", new HttpRoute().ApiVersion);
    }
}
