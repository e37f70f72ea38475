using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Core.Tests.Builders;
using static LbOperator.Core.Tests.Builders.Objects;

namespace LbOperator.Core.Tests.Analysis.Routes;

/// <summary>
/// GRPCRoute weights (https://gateway-api.sigs.k8s.io/api-types/grpcroute/) and mesh routes, whose
/// parentRef is a Service (https://gateway-api.sigs.k8s.io/mesh/).
/// </summary>
public sealed class GrpcAndMeshRouteTests
{
    private static readonly ObjectRef GrpcRef = new(ObjectKind.GrpcRoute, Namespace, "orders");

    // v1 has 3 pods, v2 1 pod. Weights 90/10 → each v1 pod 30%, v2's pod 10%: skew 0.3 × 4 = 1.2.
    // Weights 50/50 → v2's pod 50%: skew 2.0.
    [Theory]
    [InlineData(90, 10, "split", 1.2)]
    [InlineData(50, 50, null, 2.0)]
    public void A_grpc_route_rule_is_its_own_entry_point_split_by_weight(long v1, long v2, string? ruleName, double skew)
    {
        var route = Route("orders", new HttpRouteRuleInfo(ruleName, [new(null, null, null, "v1", 50051, v1), new(null, null, null, "v2", 50051, v2)])) with { Kind = ObjectKind.GrpcRoute };
        var view = new ClusterBuilder().ServiceWithPods("v1", ("node-a", 3)).ServiceWithPods("v2", ("node-b", 1)).With(route).Build();

        var report = Analyzed.Of(view, GrpcRef);

        var result = Assert.Single(report.EntryPoints);
        Assert.Equal(ruleName ?? "rule-0", result.EntryPoint.Name);
        Assert.Equal(GrpcRef, result.EntryPoint.Owner);
        Assert.Equal(skew, result.Skew, 9);
        Assert.Equal(SkewCause.BackendWeights, result.Cause);
        Assert.Equal(skew > 1.5, report.WithRule("LB001").Any(f => f.Object == GrpcRef));
        Assert.Contains(new TrafficAnalyzer(AnalysisPolicy.Default).AnalyzeAll(view).EntryPoints, e => e.EntryPoint.Owner == GrpcRef);
    }

    // Service web (parent) has 2 pods; the mesh route sends 80% to web-v2 (1 pod) and 20% to web (2 pods):
    // web-v2-0 80%, web's pods 10% each over a pool of 3 → skew 2.4.
    [Theory]
    [InlineData(ObjectKind.HttpRoute, "", "Service", 2.4)]
    [InlineData(ObjectKind.GrpcRoute, "", "Service", 2.4)]
    [InlineData(ObjectKind.HttpRoute, Gateway, "Gateway", 1.0)]
    public void A_mesh_route_redirects_its_parent_services_traffic_and_a_note_names_it(ObjectKind kind, string group, string parentKind, double skew)
    {
        var route = Route("canary", Rule(("web-v2", 80), ("web", 20))) with { Kind = kind, ParentRefs = [new RouteParentInfo(group, parentKind, null, "web")] };
        var view = new ClusterBuilder().ServiceWithPods("web", ("node-a", 2)).ServiceWithPods("web-v2", ("node-b", 1)).With(route).Build();

        var result = Analyzed.ServiceEntry(view, "web");

        Assert.Equal(skew, result.Skew, 9);
        Assert.Equal(skew > 1, result.Notes.Any(n => n.StartsWith($"mesh route {route.Ref} (parentRef Service web) redirects this Service's traffic; shown is its rule rule-0", StringComparison.Ordinal)));
        Assert.Equal(skew > 1 ? [ServiceRef("web"), route.Ref] : [ServiceRef("web")], result.EntryPoint.Objects);
    }

    private const string Gateway = "gateway.networking.k8s.io";
}
