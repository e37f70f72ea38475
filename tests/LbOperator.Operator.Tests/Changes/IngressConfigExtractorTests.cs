using LbOperator.Core.Model;
using LbOperator.Operator.Changes;

namespace LbOperator.Operator.Tests.Changes;

public sealed class IngressConfigExtractorTests
{
    [Fact]
    public void Paths_backends_and_canary_annotations_are_read_sorted()
    {
        var ingress = new IngressInfo(
            "shop",
            "web-canary",
            "nginx",
            new Dictionary<string, string>
            {
                ["nginx.ingress.kubernetes.io/canary-weight"] = "10",
                ["nginx.ingress.kubernetes.io/canary"] = "true",
                ["nginx.ingress.kubernetes.io/rewrite-target"] = "/",
            },
            [
                new IngressPathInfo("shop.example.com", "/", "Prefix", new IngressBackendInfo("web-v2", "80", null, null)),
                new IngressPathInfo("", "/static", null, new IngressBackendInfo(null, null, "StorageBucket", "assets")),
            ],
            new IngressBackendInfo("fallback", "http", null, null));

        var config = IngressConfigExtractor.Extract(ingress);

        Assert.Equal(
            [
                "ingressClassName=nginx",
                "defaultBackend=fallback:http",
                "path */static=StorageBucket/assets",
                "path shop.example.com/=web-v2:80 (Prefix)",
                "nginx.ingress.kubernetes.io/canary=true",
                "nginx.ingress.kubernetes.io/canary-weight=10",
            ],
            config.Fields.Select(pair => $"{pair.Key}={pair.Value}"));
    }

    [Theory]
    [InlineData("nginx.ingress.kubernetes.io/canary-by-header", true)]
    [InlineData("nginx.ingress.kubernetes.io/upstream-hash-by", true)]
    [InlineData("nginx.ingress.kubernetes.io/affinity", true)]
    [InlineData("nginx.ingress.kubernetes.io/load-balance", true)]
    [InlineData("kubernetes.io/ingress.class", true)]
    [InlineData("alb.ingress.kubernetes.io/actions.blue-green", true)]
    [InlineData("alb.ingress.kubernetes.io/target-type", true)]
    [InlineData("alb.ingress.kubernetes.io/scheme", false)]
    [InlineData("nginx.ingress.kubernetes.io/rewrite-target", false)]
    [InlineData("cert-manager.io/cluster-issuer", false)]
    public void Ingress_annotations_count_when_they_steer_load_balancing(string key, bool counts) =>
        Assert.Equal(counts, LoadBalancingAnnotations.IsIngressAnnotation(key));
}
