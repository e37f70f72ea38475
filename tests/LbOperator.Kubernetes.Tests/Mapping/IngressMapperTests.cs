using k8s;
using k8s.Models;
using LbOperator.Core.Model;
using LbOperator.Kubernetes.Mapping;

namespace LbOperator.Kubernetes.Tests.Mapping;

public class IngressMapperTests
{
    [Fact]
    public void Rules_are_flattened_to_host_and_path()
    {
        var info = IngressMapper.Map(Ingress("""
            rules:
            - host: shop.example.com
              http:
                paths:
                - path: /api
                  pathType: Prefix
                  backend: {service: {name: api, port: {number: 8080}}}
                - path: /
                  pathType: Prefix
                  backend: {service: {name: web, port: {name: http}}}
            - host: admin.example.com
              http:
                paths:
                - path: /
                  pathType: Exact
                  backend: {service: {name: admin, port: {number: 80}}}
            """));

        Assert.Equal(
            [
                new IngressPathInfo("shop.example.com", "/api", "Prefix", new IngressBackendInfo("api", "8080", null, null)),
                new IngressPathInfo("shop.example.com", "/", "Prefix", new IngressBackendInfo("web", "http", null, null)),
                new IngressPathInfo("admin.example.com", "/", "Exact", new IngressBackendInfo("admin", "80", null, null)),
            ],
            info.Paths);
    }

    [Theory]
    [InlineData("- http:\n    paths:\n    - path: /api\n      pathType: Prefix\n      backend: {service: {name: api, port: {number: 80}}}", "", "/api")]
    [InlineData("- host: a.example.com\n  http:\n    paths:\n    - pathType: ImplementationSpecific\n      backend: {service: {name: api, port: {number: 80}}}", "a.example.com", "/")]
    public void Host_less_rules_get_an_empty_host_and_absent_paths_become_slash(string rules, string expectedHost, string expectedPath)
    {
        var info = IngressMapper.Map(Ingress("rules:\n" + rules));

        var path = Assert.Single(info.Paths);
        Assert.Equal((expectedHost, expectedPath), (path.Host, path.Path));
    }

    [Fact]
    public void A_resource_backend_is_kept_as_a_resource()
    {
        var info = IngressMapper.Map(Ingress("""
            rules:
            - http:
                paths:
                - path: /static
                  pathType: Prefix
                  backend: {resource: {apiGroup: k8s.example.com, kind: StorageBucket, name: assets}}
            """));

        var backend = Assert.Single(info.Paths).Backend;
        Assert.False(backend.IsService);
        Assert.Equal(("StorageBucket", "assets"), (backend.ResourceKind, backend.ResourceName));
    }

    [Theory]
    [InlineData("ingressClassName: nginx", "nginx")]
    [InlineData("ingressClassName: traefik", "traefik")]
    [InlineData("rules: []", null)]
    public void The_class_name_is_kept_as_written(string spec, string? expected)
    {
        Assert.Equal(expected, IngressMapper.Map(Ingress(spec)).IngressClassName);
    }

    [Fact]
    public void Default_backend_and_canary_annotations_are_kept()
    {
        var ingress = Ingress("defaultBackend: {service: {name: fallback, port: {number: 80}}}");
        ingress.Metadata.Annotations = new Dictionary<string, string>
        {
            ["nginx.ingress.kubernetes.io/canary"] = "true",
            ["nginx.ingress.kubernetes.io/canary-weight"] = "30",
        };

        var info = IngressMapper.Map(ingress);

        Assert.Equal(new IngressBackendInfo("fallback", "80", null, null), info.DefaultBackend);
        Assert.Empty(info.Paths);
        Assert.Equal("30", info.Annotations["nginx.ingress.kubernetes.io/canary-weight"]);
        Assert.Equal(("shop", "storefront"), (info.Namespace, info.Name));
    }

    private static V1Ingress Ingress(string spec) => KubernetesYaml.Deserialize<V1Ingress>(
        "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: storefront, namespace: shop}\nspec:\n"
        + string.Join('\n', spec.Split('\n').Select(line => "  " + line)));
}
