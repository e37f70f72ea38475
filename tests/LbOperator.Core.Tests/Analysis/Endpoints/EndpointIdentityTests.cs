using LbOperator.Core.Model;
using LbOperator.Core.Tests.Builders;
using static LbOperator.Core.Tests.Builders.Objects;

namespace LbOperator.Core.Tests.Analysis.Endpoints;

/// <summary>kube-proxy keys an endpoint by its address, per address family.</summary>
public sealed class EndpointIdentityTests
{
    private static EndpointInfo Pod(string pod, string address, string node) =>
        Endpoint(pod, node) with { Addresses = [address] };

    private static EndpointSliceInfo Family(string name, string family, params EndpointInfo[] endpoints) =>
        Slice("web", name, endpoints) with { AddressType = family };

    // Pods: web-a on node-a (1), web-b and web-c on node-b. Local: web-a ½, the others ¼ → skew 1.5.
    [Fact]
    public void A_dual_stack_service_whose_families_hold_the_same_pods_gives_the_single_stack_result()
    {
        var single = new ClusterBuilder()
            .With(Service("web", ServiceType.NodePort) with { ExternalTrafficPolicy = TrafficPolicy.Local })
            .With(Family("v4", "IPv4", Pod("web-a", "10.0.0.1", "node-a"), Pod("web-b", "10.0.0.2", "node-b"), Pod("web-c", "10.0.0.3", "node-b")));
        var dual = new ClusterBuilder()
            .With(Service("web", ServiceType.NodePort) with { ExternalTrafficPolicy = TrafficPolicy.Local })
            .With(Family("v6", "IPv6", Pod("web-a", "fd00::1", "node-a"), Pod("web-b", "fd00::2", "node-b"), Pod("web-c", "fd00::3", "node-b")))
            .With(Family("v4", "IPv4", Pod("web-a", "10.0.0.1", "node-a"), Pod("web-b", "10.0.0.2", "node-b"), Pod("web-c", "10.0.0.3", "node-b")));

        var expected = Analyzed.ServiceEntry(single.Build(), "web");
        var actual = Analyzed.ServiceEntry(dual.Build(), "web");

        Assert.Equal(3, actual.PoolSize);
        Assert.Equal(1.5, actual.Skew);
        Assert.Equal(expected.Endpoints, actual.Endpoints);
        Assert.Empty(actual.Notes);
    }

    [Fact]
    public void When_the_families_hold_different_pods_a_note_says_which_family_is_shown()
    {
        var view = new ClusterBuilder()
            .With(Service("web"))
            .With(Family("v4", "IPv4", Pod("web-a", "10.0.0.1", "node-a"), Pod("web-b", "10.0.0.2", "node-b")))
            .With(Family("v6", "IPv6", Pod("web-a", "fd00::1", "node-a")))
            .Build();

        var result = Analyzed.ServiceEntry(view, "web");

        Assert.Equal(2, result.PoolSize);
        Assert.Contains("the IPv6 endpoints hold other ready pods than the IPv4 ones; the spread shown is IPv4's", result.Notes);
    }

    // Two slices list the address 10.0.0.1 under different names (a slice mirrored by hand): one endpoint.
    // Two pods sharing a name but with different addresses are two endpoints to kube-proxy.
    [Theory]
    [InlineData("10.0.0.1", "10.0.0.1", 1)]
    [InlineData("10.0.0.1", "10.0.0.2", 2)]
    public void Endpoints_are_one_when_their_address_is_one(string first, string second, int pool)
    {
        var view = new ClusterBuilder()
            .With(Service("web"))
            .With(Slice("web", "s1", Pod("web-a", first, "node-a")))
            .With(Slice("web", "s2", Pod("web-a-mirror", second, "node-a")))
            .Build();

        Assert.Equal(pool, Analyzed.ServiceEntry(view, "web").PoolSize);
    }
}
