using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Core.Tests.Builders;
using static LbOperator.Core.Tests.Builders.Objects;

namespace LbOperator.Core.Tests.Analysis.Ingresses;

public sealed class CanaryTests
{
    private const string Host = "shop.example.com";

    /// <summary>A main Ingress to <c>web</c> (4 pods) and a canary Ingress to <c>web-canary</c> (1 pod).</summary>
    private static InMemoryClusterView Canary(params (string Key, string Value)[] canaryAnnotations) =>
        new ClusterBuilder()
            .ServiceWithPods("web", ("node-a", 2), ("node-b", 2))
            .ServiceWithPods("web-canary", ("node-c", 1))
            .With(Ingress("web", Host, "/", "web"))
            .With(Ingress("web-canary", Host, "/", "web-canary", annotations: Annotations([("nginx.ingress.kubernetes.io/canary", "true"), .. canaryAnnotations])))
            .Build();

    private static (string, string) Weight(string value) => ("nginx.ingress.kubernetes.io/canary-weight", value);

    private static (string, string) Total(string value) => ("nginx.ingress.kubernetes.io/canary-weight-total", value);

    [Fact]
    public void Canary_weight_80_with_one_canary_pod_and_four_main_pods_gives_skew_four_on_the_canary_ingress()
    {
        var report = Analyzed.Of(Canary(Weight("80")), IngressRef("web-canary"));

        var result = Assert.Single(report.EntryPoints);
        Assert.Equal("shop.example.com/", result.EntryPoint.Name);
        Assert.Equal(IngressRef("web"), result.EntryPoint.Owner);
        Assert.Equal([IngressRef("web"), IngressRef("web-canary")], result.EntryPoint.Objects);
        Assert.Equal(0.8, result.ShareOf("web-canary-0"), 9);
        Assert.Equal(0.05, result.ShareOf("web-0"), 9);
        Assert.Equal(5, result.PoolSize);
        Assert.Equal(4.0, result.Skew);
        Assert.Equal(SkewCause.CanaryWeight, result.Cause);
        var finding = Assert.Single(report.Findings);
        Assert.Equal(("LB001", Severity.Error, IngressRef("web-canary")), (finding.RuleId, finding.Severity, finding.Object));
        Assert.StartsWith("shop.example.com/: 80% of traffic goes to web-canary-0 on node-c, 4.0× its fair share of 20%", finding.Message, StringComparison.Ordinal);
        Assert.Contains("Cause: canary weight 80/100 sends 80% to 1 canary endpoint(s) and 20% to 4 main endpoint(s).", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_skew_finding_of_a_canary_is_not_attached_to_the_main_ingress()
    {
        var report = Analyzed.Of(Canary(Weight("80")), IngressRef("web"));

        Assert.Single(report.EntryPoints);
        Assert.Empty(report.Findings);
    }

    [Fact]
    public void Canary_weight_30_of_1000_gives_skew_1_2125_and_no_finding()
    {
        var report = Analyzed.Of(Canary(Weight("30"), Total("1000")), IngressRef("web-canary"));

        var result = Assert.Single(report.EntryPoints);
        Assert.Equal(0.03, result.ShareOf("web-canary-0"), 9);
        Assert.Equal(0.2425, result.ShareOf("web-0"), 9);
        Assert.Equal(1.2125, result.Skew);
        Assert.Empty(report.Findings);
    }

    [Theory]
    [InlineData("120", null, "canary-weight 120 is outside [0, 100]", 1.0)]
    [InlineData("-5", null, "canary-weight -5 is outside [0, 100]", 0.0)]
    [InlineData("half", null, "canary-weight \"half\" is not a whole number", 0.0)]
    [InlineData("50", "zero", "canary-weight-total \"zero\" is not a positive whole number", 0.5)]
    [InlineData("50", "-10", "canary-weight-total \"-10\" is not a positive whole number", 0.5)]
    public void Invalid_canary_weights_are_an_error_on_the_canary(string weight, string? total, string problem, double canaryShare)
    {
        var annotations = total is null ? new[] { Weight(weight) } : [Weight(weight), Total(total)];
        var report = Analyzed.Of(Canary(annotations), IngressRef("web-canary"));

        var finding = Assert.Single(report.WithRule("LB003"));
        Assert.Equal((Severity.Error, IngressRef("web-canary")), (finding.Severity, finding.Object));
        Assert.StartsWith($"shop.example.com/: {problem}", finding.Message, StringComparison.Ordinal);
        var backends = Assert.Single(report.EntryPoints).Backends;
        Assert.Equal(canaryShare, backends.Single(b => b.Service == "web-canary").Share, 9);
    }

    [Theory]
    [InlineData("nginx.ingress.kubernetes.io/canary-by-header", "X-Canary", "header X-Canary: always")]
    [InlineData("nginx.ingress.kubernetes.io/canary-by-cookie", "beta", "cookie beta: always")]
    public void Header_and_cookie_canaries_are_noted_and_the_weight_applies_to_the_rest(string key, string value, string routing)
    {
        var report = Analyzed.Of(Canary((key, value), Weight("10")), IngressRef("web-canary"));

        var result = Assert.Single(report.EntryPoints);
        Assert.Contains($"canary Ingress Ingress/shop/web-canary receives requests with {routing}; canary-weight 10/100 applies to the remaining traffic", result.Notes);
        Assert.Equal(0.1, result.ShareOf("web-canary-0"), 9);
    }

    [Fact]
    public void A_header_canary_without_a_weight_gets_no_weighted_traffic()
    {
        var report = Analyzed.Of(Canary(("nginx.ingress.kubernetes.io/canary-by-header", "X-Canary")), IngressRef("web"));

        var result = Assert.Single(report.EntryPoints);
        Assert.Equal(4, result.PoolSize);
        Assert.Equal(1.0, result.Skew);
    }

    [Theory]
    [InlineData("nginx", null, 0.8)]
    [InlineData(null, "nginx", 0.8)]
    [InlineData(null, null, 0.8)]
    [InlineData("traefik", null, 0.0)]
    [InlineData(null, "haproxy", 0.0)]
    public void Canary_annotations_count_only_for_the_nginx_class(string? className, string? classAnnotation, double canaryShare)
    {
        var canaryAnnotations = new List<(string, string)> { ("nginx.ingress.kubernetes.io/canary", "true"), Weight("80") };
        var mainAnnotations = new List<(string, string)>();
        if (classAnnotation is not null)
        {
            canaryAnnotations.Add(("kubernetes.io/ingress.class", classAnnotation));
            mainAnnotations.Add(("kubernetes.io/ingress.class", classAnnotation));
        }

        var view = new ClusterBuilder()
            .ServiceWithPods("web", ("node-a", 4))
            .ServiceWithPods("web-canary", ("node-c", 1))
            .With(Ingress("web", Host, "/", "web", className, Annotations([.. mainAnnotations])))
            .With(Ingress("web-canary", Host, "/", "web-canary", className, Annotations([.. canaryAnnotations])))
            .Build();

        var report = new TrafficAnalyzer(AnalysisPolicy.Default).AnalyzeAll(view);

        var ingressEntries = report.EntryPoints.Where(e => e.EntryPoint.Owner.Kind == ObjectKind.Ingress).ToArray();
        Assert.Equal(canaryShare > 0 ? 1 : 2, ingressEntries.Length);
        Assert.Equal(canaryShare, ingressEntries[0].Endpoints.Where(e => e.Service == "web-canary").Sum(e => e.Share), 9);
        Assert.All(ingressEntries.Skip(1), e => Assert.Equal(1.0, e.Skew));
    }

    [Fact]
    public void A_missing_canary_service_blackholes_the_canary_weight_on_the_canary_ingress()
    {
        var view = new ClusterBuilder()
            .ServiceWithPods("web", ("node-a", 2))
            .With(Ingress("web", Host, "/", "web"))
            .With(Ingress("web-canary", Host, "/", "gone", annotations: Annotations(("nginx.ingress.kubernetes.io/canary", "true"), Weight("20"))))
            .Build();

        var report = Analyzed.Of(view, IngressRef("web-canary"));

        Assert.Equal(0.2, Assert.Single(report.EntryPoints).BlackholedShare, 9);
        var finding = Assert.Single(report.WithRule("LB002"));
        Assert.Equal((IngressRef("web-canary"), 0.2), (finding.Object, finding.BlackholedShare));
    }

    [Fact]
    public void An_ignored_canary_still_shapes_the_spread_but_carries_no_findings()
    {
        var view = Canary(Weight("80"), ("lb-operator.io/ignore", "true"));
        var analyzer = new TrafficAnalyzer(AnalysisPolicy.Default);

        var all = analyzer.AnalyzeAll(view);
        var canaryOnly = analyzer.Analyze(view, IngressRef("web-canary"));

        Assert.Equal(4.0, Assert.Single(all.EntryPoints, e => e.EntryPoint.Owner.Kind == ObjectKind.Ingress).Skew);
        Assert.DoesNotContain(all.Findings, f => f.Object == IngressRef("web-canary"));
        Assert.Empty(canaryOnly.EntryPoints);
    }
}
