using LbOperator.Core.Analysis.Services;
using LbOperator.Core.Model;
using static LbOperator.Core.Tests.Builders.Objects;

namespace LbOperator.Core.Tests.Analysis.Services;

public sealed class NodeDependenceTests
{
    [Theory]
    [InlineData(null, null, null, false)]
    [InlineData("PreferClose", null, null, true)]
    [InlineData("PreferSameNode", null, null, true)]
    [InlineData("SomethingNew", null, null, false)]
    [InlineData(null, "service.kubernetes.io/topology-mode", "Auto", true)]
    [InlineData(null, "service.kubernetes.io/topology-aware-hints", "auto", true)]
    [InlineData(null, "service.kubernetes.io/topology-mode", "Disabled", false)]
    [InlineData(null, "service.kubernetes.io/topology-mode", "PreferZone", false)]
    public void A_service_depends_on_every_node_exactly_when_the_analysis_routes_by_topology(
        string? distribution, string? annotation, string? value, bool expected)
    {
        var service = Service("web") with
        {
            TrafficDistribution = distribution,
            Annotations = annotation is null ? NoAnnotations : Annotations((annotation, value!)),
        };

        Assert.Equal(expected, NodeDependence.DependsOnEveryNode(service));
    }

    [Theory]
    [InlineData(TrafficPolicy.Local, TrafficPolicy.Cluster, true)]
    [InlineData(TrafficPolicy.Cluster, TrafficPolicy.Local, true)]
    [InlineData(TrafficPolicy.Cluster, TrafficPolicy.Cluster, false)]
    public void A_local_traffic_policy_makes_a_service_depend_on_every_node(TrafficPolicy external, TrafficPolicy @internal, bool expected)
    {
        var service = Service("web", ServiceType.LoadBalancer) with { ExternalTrafficPolicy = external, InternalTrafficPolicy = @internal };

        Assert.Equal(expected, NodeDependence.DependsOnEveryNode(service));
    }
}
