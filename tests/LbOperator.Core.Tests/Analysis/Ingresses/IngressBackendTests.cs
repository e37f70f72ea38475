using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Core.Tests.Builders;
using static LbOperator.Core.Tests.Builders.Objects;

namespace LbOperator.Core.Tests.Analysis.Ingresses;

/// <summary>
/// How each Ingress controller reaches a backend's pods: ALB weighted forward actions and target types
/// (https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/),
/// GKE NEGs (https://cloud.google.com/kubernetes-engine/docs/how-to/container-native-load-balancing),
/// ingress-nginx service-upstream (https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/#service-upstream),
/// and the backend port, which must exist on the Service.
/// </summary>
public sealed class IngressBackendTests
{
    private const string Host = "shop.example.com";
    private const string Action = "alb.ingress.kubernetes.io/actions.blue-green";

    private static IngressInfo AlbIngress(string actionJson, string targetType = "ip") =>
        Ingress("web", Host, "/", "blue-green", "alb", Annotations((Action, actionJson), ("alb.ingress.kubernetes.io/target-type", targetType))) is var ingress
            ? ingress with { Paths = [ingress.Paths[0] with { Backend = new IngressBackendInfo("blue-green", "use-annotation", null, null) }] }
            : throw new InvalidOperationException();

    private static string Forward(string blueWeight, string greenWeight) =>
        "{\"type\":\"forward\",\"forwardConfig\":{\"targetGroups\":[{\"serviceName\":\"blue\",\"servicePort\":\"80\",\"weight\":" + blueWeight
        + "},{\"serviceName\":\"green\",\"servicePort\":80,\"weight\":" + greenWeight + "}]}}";

    private static AnalysisReport Alb(string actionJson, string targetType = "ip") =>
        Analyzed.Of(
            new ClusterBuilder()
                .ServiceWithPods("blue", ("node-a", 1))
                .ServiceWithPods("green", ("node-a", 2), ("node-b", 2))
                .With(AlbIngress(actionJson, targetType))
                .Build(),
            IngressRef("web"));

    // blue 1 pod, green 4 pods. 20/80: every pod 20%, skew 1.0. 90/10: blue's pod 90% of a pool of 5, skew 4.5.
    // 1/1: blue's pod 50%, skew 2.5. 0/0: all blackholed with LB003.
    [Theory]
    [InlineData("20", "80", 1.0, 0.2, 0)]
    [InlineData("90", "10", 4.5, 0.9, 0)]
    [InlineData("1", "1", 2.5, 0.5, 0)]
    [InlineData("-5", "10", 1.0, 0, 1)]
    [InlineData("1000", "10", 1.0, 0, 1)]
    [InlineData("\"heavy\"", "10", 1.0, 0, 1)]
    public void An_alb_forward_action_splits_by_target_group_weight_and_flags_invalid_weights(string blue, string green, double skew, double blueShare, int invalid)
    {
        var report = Alb(Forward(blue, green));

        var result = Assert.Single(report.EntryPoints);
        Assert.Equal(skew, result.Skew, 9);
        Assert.Equal(blueShare, result.Endpoints.FirstOrDefault(e => e.Endpoint == "blue-0")?.Share ?? 0, 9);
        Assert.Equal(invalid, report.WithRule("LB003").Length);
    }

    [Fact]
    public void An_alb_forward_action_with_every_weight_zero_blackholes_the_path()
    {
        var report = Alb(Forward("0", "0"));

        Assert.Equal(1.0, Assert.Single(report.EntryPoints).BlackholedShare);
        Assert.Single(report.WithRule("LB002"));
        Assert.Single(report.WithRule("LB003"));
    }

    private static AnalysisReport ThroughService(IngressInfo ingress, ServiceInfo service, params IngressClassInfo[] classes)
    {
        var cluster = new ClusterBuilder().With(service).Pods("web", ("node-a", 3), ("node-b", 1)).With(ingress);
        foreach (var ingressClass in classes)
        {
            cluster.With(ingressClass);
        }

        return Analyzed.Of(cluster.Build(), IngressRef("web"));
    }

    private static readonly ServiceInfo LocalNodePort = Service("web", ServiceType.NodePort) with { ExternalTrafficPolicy = TrafficPolicy.Local };

    // Pods node-a 3, node-b 1. Through the NodePort under Local: ½ per node, web-3 gets 50% → skew 2.0.
    // Pods directly: 25% each. Through the ClusterIP with internalTrafficPolicy Local: the same 2.0.
    public static TheoryData<string, IngressInfo, ServiceInfo, double> Paths => new()
    {
        { "ALB instance targets go through the NodePort", Ingress("web", Host, "/", "web", "alb"), LocalNodePort, 2.0 },
        { "ALB ip targets go to the pods", Ingress("web", Host, "/", "web", "alb", Annotations(("alb.ingress.kubernetes.io/target-type", "ip"))), LocalNodePort, 1.0 },
        { "the Service's target-type wins", Ingress("web", Host, "/", "web", "alb", Annotations(("alb.ingress.kubernetes.io/target-type", "ip"))), LocalNodePort with { Annotations = Annotations(("alb.ingress.kubernetes.io/target-type", "instance")) }, 2.0 },
        { "GKE instance groups go through the NodePort", Ingress("web", Host, "/", "web", "gce"), LocalNodePort, 2.0 },
        { "a GKE NEG goes to the pods", Ingress("web", Host, "/", "web", "gce"), LocalNodePort with { Annotations = Annotations(("cloud.google.com/neg", "{\"ingress\": true}")) }, 1.0 },
        { "ingress-nginx goes to the pods", Ingress("web", Host, "/", "web"), Service("web") with { InternalTrafficPolicy = TrafficPolicy.Local }, 1.0 },
        { "service-upstream goes through the ClusterIP", Ingress("web", Host, "/", "web", annotations: Annotations(("nginx.ingress.kubernetes.io/service-upstream", "true"))), Service("web") with { InternalTrafficPolicy = TrafficPolicy.Local }, 2.0 },
        { "the ClusterIP ignores externalTrafficPolicy", Ingress("web", Host, "/", "web", annotations: Annotations(("nginx.ingress.kubernetes.io/service-upstream", "true"))), LocalNodePort, 1.0 },
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public void The_controller_decides_whether_the_services_own_model_applies(string because, IngressInfo ingress, ServiceInfo service, double skew)
    {
        var report = ThroughService(ingress, service);

        var result = Assert.Single(report.EntryPoints);
        Assert.True(Math.Abs(skew - result.Skew) < 1e-9, $"{because}: skew {result.Skew}");
        if (skew > 1.5)
        {
            var finding = Assert.Single(report.WithRule("LB001"));
            Assert.Equal(IngressRef("web"), finding.Object);
            Assert.Contains("Cause: backend Service shop/web reached through its", finding.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("80", 0.0)]
    [InlineData("http", 0.0)]
    [InlineData("8080", 1.0)]
    [InlineData("grpc", 1.0)]
    public void An_ingress_backend_port_the_service_does_not_expose_blackholes_the_path(string port, double blackholed)
    {
        var ingress = Ingress("web", Host, "/", "web") is var i ? i with { Paths = [i.Paths[0] with { Backend = new IngressBackendInfo("web", port, null, null) }] } : null!;
        var report = ThroughService(ingress, Service("web") with { Ports = [new ServicePortInfo("http", 80)] });

        Assert.Equal(blackholed, Assert.Single(report.EntryPoints).BlackholedShare);
        Assert.Equal(blackholed > 0, report.WithRule("LB002").SingleOrDefault()?.Message.Contains($"has no port {port}", StringComparison.Ordinal) ?? false);
    }
}
