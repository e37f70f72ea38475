using LbOperator.Core.Model;
using LbOperator.Core.Tests.Builders;
using static LbOperator.Core.Tests.Builders.Objects;

namespace LbOperator.Core.Tests.Analysis.Routes;

/// <summary>
/// Invalid backendRefs keep their share as blackholed traffic (the implementation answers 500):
/// a cross-namespace reference without a ReferenceGrant (RefNotPermitted,
/// https://gateway-api.sigs.k8s.io/api-types/referencegrant/), a Service reference without a port, or
/// a port the Service does not expose (https://gateway-api.sigs.k8s.io/reference/spec/#backendref).
/// </summary>
public sealed class GatewayValidityTests
{
    private const string Gateway = "gateway.networking.k8s.io";

    // Route shop/split sends 50/50 to shop/a and payments/pay, each one pod on its own.
    private static ClusterBuilder Split(int? payPort = 80, params ReferenceGrantInfo[] grants)
    {
        var cluster = new ClusterBuilder()
            .ServiceWithPods("a", ("node-a", 1))
            .With(Service("pay", ns: "payments") with { Ports = [new ServicePortInfo("http", 80)] })
            .With(Slice("pay", "pay-1", Endpoint("pay-0", "node-b")) with { Namespace = "payments" })
            .With(Route("split", new HttpRouteRuleInfo(null, [new(null, null, null, "a", 80, 1), new(null, null, "payments", "pay", payPort, 1)])));
        foreach (var grant in grants)
        {
            cluster.With(grant);
        }

        return cluster;
    }

    private static ReferenceGrantInfo Grant(string fromKind = "HTTPRoute", string fromNamespace = Namespace, string? toName = null, string grantNamespace = "payments") =>
        new(grantNamespace, "allow-shop", [new ReferenceGrantFrom(Gateway, fromKind, fromNamespace)], [new ReferenceGrantTo("", "Service", toName)]);

    public static TheoryData<string, ReferenceGrantInfo[], double> Grants => new()
    {
        { "no grant", [], 0.5 },
        { "a grant for every Service", [Grant()], 0.0 },
        { "a grant naming the Service", [Grant(toName: "pay")], 0.0 },
        { "a grant naming another Service", [Grant(toName: "ledger")], 0.5 },
        { "a grant for GRPCRoutes only", [Grant(fromKind: "GRPCRoute")], 0.5 },
        { "a grant for another namespace", [Grant(fromNamespace: "blog")], 0.5 },
        { "a grant living in the route's namespace", [Grant(grantNamespace: Namespace)], 0.5 },
    };

    [Theory]
    [MemberData(nameof(Grants))]
    public void A_cross_namespace_backend_ref_needs_a_reference_grant_or_its_share_is_blackholed(string because, ReferenceGrantInfo[] grants, double blackholed)
    {
        var report = Analyzed.Of(Split(80, grants).Build(), RouteRef("split"));

        var result = Assert.Single(report.EntryPoints);
        Assert.True(blackholed == result.BlackholedShare, because);
        var lb002 = report.WithRule("LB002");
        Assert.Equal(blackholed > 0, lb002.Length == 1);
        if (blackholed > 0)
        {
            Assert.StartsWith("rule-0: 50% of traffic is blackholed: RefNotPermitted: backendRef payments/pay is in another namespace and no ReferenceGrant in payments allows HTTPRoutes from shop.", lb002[0].Message, StringComparison.Ordinal);
            Assert.Equal(1, result.PoolSize);
        }
    }

    [Theory]
    [InlineData(80, 0.0, null)]
    [InlineData(8080, 0.5, "backend Service payments/pay has no port 8080")]
    [InlineData(null, 0.5, "backendRef payments/pay has no port, which a Service reference requires")]
    public void A_backend_ref_without_a_port_or_with_one_the_service_lacks_is_blackholed(int? port, double blackholed, string? reason)
    {
        var report = Analyzed.Of(Split(port, Grant()).Build(), RouteRef("split"));

        Assert.Equal(blackholed, Assert.Single(report.EntryPoints).BlackholedShare);
        Assert.Equal(reason is not null, report.WithRule("LB002").Any(f => f.Message.Contains(reason ?? "-", StringComparison.Ordinal)));
    }
}
