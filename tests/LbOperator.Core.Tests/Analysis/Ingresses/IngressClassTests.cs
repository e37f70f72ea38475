using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Core.Tests.Builders;
using static LbOperator.Core.Tests.Builders.Objects;

namespace LbOperator.Core.Tests.Analysis.Ingresses;

/// <summary>
/// Which Ingresses ingress-nginx serves: the class by ingressClassName, the deprecated annotation or the
/// default class, then the class's controller (https://kubernetes.io/docs/concepts/services-networking/ingress/#ingress-class).
/// </summary>
public sealed class IngressClassTests
{
    private const string Host = "shop.example.com";
    private const string LegacyClass = "kubernetes.io/ingress.class";

    /// <summary>
    /// Main <c>web</c> (3 pods) and a 90% canary <c>web-canary</c> (1 pod). Served by ingress-nginx, the canary pod
    /// gets 90% of a pool of 4: skew 3.6. Served by another controller, each Ingress is its own entry point: 1.0.
    /// </summary>
    private static AnalysisReport Analyze(string? className, (string Key, string Value)? classAnnotation, IngressClassInfo[] classes, IReadOnlyList<string>? nginxControllers = null)
    {
        var annotations = classAnnotation is { } pair ? [pair] : Array.Empty<(string, string)>();
        var cluster = new ClusterBuilder()
            .ServiceWithPods("web", ("node-a", 3))
            .ServiceWithPods("web-canary", ("node-b", 1))
            .With(Ingress("web", Host, "/", "web", className, Annotations(annotations)))
            .With(Ingress("web-canary", Host, "/", "web-canary", className, Annotations([.. annotations, ("nginx.ingress.kubernetes.io/canary", "true"), ("nginx.ingress.kubernetes.io/canary-weight", "90")])));
        foreach (var ingressClass in classes)
        {
            cluster.With(ingressClass);
        }

        return new TrafficAnalyzer(AnalysisPolicy.Default with { IngressNginxControllers = nginxControllers }).AnalyzeAll(cluster.Build());
    }

    private static readonly IngressClassInfo Internal = new("nginx-internal", "k8s.io/ingress-nginx", IsDefault: false);
    private static readonly IngressClassInfo InternalDefault = Internal with { IsDefault = true };
    private static readonly IngressClassInfo Custom = new("nginx-internal", "example.com/custom-nginx", IsDefault: false);
    private static readonly IngressClassInfo Alb = new("alb", "ingress.k8s.aws/alb", IsDefault: false);

    public static TheoryData<string, string?, bool, IngressClassInfo[], string[]?, double> Cases => new()
    {
        { "a class whose controller is ingress-nginx", "nginx-internal", false, [Internal], null, 3.6 },
        { "the deprecated annotation names the class", "nginx-internal", true, [Internal], null, 3.6 },
        { "the default class serves Ingresses that name none", null, false, [InternalDefault, Alb], null, 3.6 },
        { "a custom controller class listed in the policy", "nginx-internal", false, [Custom], ["example.com/custom-nginx"], 3.6 },
        { "a custom controller class not listed", "nginx-internal", false, [Custom], null, 1.0 },
        { "no default class: a classless Ingress is served by none", null, false, [Internal, Alb], null, 1.0 },
        { "without IngressClass objects only nginx or no class is ingress-nginx", "nginx-internal", false, [], null, 1.0 },
        { "without IngressClass objects no class is ingress-nginx", null, false, [], null, 3.6 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_ingress_gets_canary_semantics_when_its_class_resolves_to_ingress_nginx(string because, string? className, bool byAnnotation, IngressClassInfo[] classes, string[]? nginxControllers, double skew)
    {
        var report = byAnnotation
            ? Analyze(null, (LegacyClass, className!), classes, nginxControllers)
            : Analyze(className, null, classes, nginxControllers);

        Assert.True(Math.Abs(skew - report.EntryPoints.Max(e => e.Skew)) < 1e-9, because);
        Assert.Equal(skew > 2, report.WithRule("LB001").Any(f => f.Object == IngressRef("web-canary") && f.Severity == Severity.Error));
    }

    [Fact]
    public void Two_nginx_classes_are_two_controllers_so_the_same_host_and_path_are_two_entry_points()
    {
        var view = new ClusterBuilder()
            .ServiceWithPods("web", ("node-a", 1))
            .ServiceWithPods("admin", ("node-a", 1))
            .With(Internal).With(new IngressClassInfo("nginx-external", "k8s.io/ingress-nginx", IsDefault: false))
            .With(Ingress("web", Host, "/", "web", "nginx-external"))
            .With(Ingress("admin", Host, "/", "admin", "nginx-internal"))
            .Build();

        var report = new TrafficAnalyzer(AnalysisPolicy.Default).AnalyzeAll(view);

        Assert.Equal([IngressRef("admin"), IngressRef("web")], report.EntryPoints.Select(e => e.EntryPoint.Owner).Where(o => o.Kind == ObjectKind.Ingress));
        Assert.DoesNotContain(report.EntryPoints, e => e.Notes.Any(n => n.Contains("also defines", StringComparison.Ordinal)));
    }
}
