using k8s;
using LbOperator.Core.Model;
using LbOperator.Kubernetes.GatewayApi;
using LbOperator.Kubernetes.Mapping;

namespace LbOperator.Kubernetes.Tests.Mapping;

public class HttpRouteMapperTests
{
    [Fact]
    public void Backend_refs_are_kept_as_written_with_absent_fields_null()
    {
        var route = KubernetesYaml.Deserialize<HttpRoute>("""
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: checkout
              namespace: shop
              annotations: {lb-operator.io/warn-skew: "2"}
            spec:
              parentRefs: [{name: public-gw, namespace: infra}]
              hostnames: [shop.example.com]
              rules:
              - name: split
                matches: [{path: {type: PathPrefix, value: /checkout}}]
                backendRefs:
                - {name: checkout-v1, port: 8080, weight: 70}
                - {name: checkout-v2, namespace: canary, port: 8080, weight: 30}
                - {group: "", kind: Service, name: checkout-v3, port: 8080, weight: 0}
              - backendRefs:
                - {name: fallback, port: 80}
            """);

        var info = HttpRouteMapper.Map(route);

        Assert.Equal(("shop", "checkout", "2"), (info.Namespace, info.Name, info.Annotations["lb-operator.io/warn-skew"]));
        Assert.Equal(2, info.Rules.Count);
        Assert.Equal("split", info.Rules[0].Name);
        Assert.Equal(
            [
                new HttpBackendRefInfo(null, null, null, "checkout-v1", 8080, 70),
                new HttpBackendRefInfo(null, null, "canary", "checkout-v2", 8080, 30),
                new HttpBackendRefInfo("", "Service", null, "checkout-v3", 8080, 0),
            ],
            info.Rules[0].BackendRefs);
        Assert.Null(info.Rules[1].Name);
        Assert.Equal([new HttpBackendRefInfo(null, null, null, "fallback", 80, null)], info.Rules[1].BackendRefs);
    }

    [Theory]
    [InlineData("rules: [{name: empty}]", 1, 0)]
    [InlineData("parentRefs: [{name: gw}]", 0, 0)]
    public void Rules_without_backends_and_routes_without_rules_map_to_empty_lists(string spec, int expectedRules, int expectedBackends)
    {
        var route = KubernetesYaml.Deserialize<HttpRoute>(
            "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r}\nspec:\n  " + spec);

        var info = HttpRouteMapper.Map(route);

        Assert.Equal("default", info.Namespace);
        Assert.Equal(expectedRules, info.Rules.Count);
        Assert.Equal(expectedBackends, info.Rules.Sum(rule => rule.BackendRefs.Count));
    }
}
