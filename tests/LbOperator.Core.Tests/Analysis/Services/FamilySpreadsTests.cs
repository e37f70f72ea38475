using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Core.Tests.Builders;
using static LbOperator.Core.Tests.Builders.Objects;

namespace LbOperator.Core.Tests.Analysis.Services;

/// <summary>
/// kube-proxy programs each address family on its own. The figures below are for a NodePort Service with
/// externalTrafficPolicy: Local, without Nodes in the input, so each node holding ready pods takes an
/// equal part and splits it over its own pods:
/// "a@n1 b@n2" → ½ each, skew 1; "a@n1 b@n2 c@n2 d@n2" → a ½, b, c, d ⅙ each, skew ½ × 4 = 2 (LB001 warns above 1.5).
/// </summary>
public sealed class FamilySpreadsTests
{
    [Theory]
    [InlineData("a@n1 b@n2")]
    [InlineData("a@n1 b@n2 c@n2 d@n2")]
    [InlineData("a@n1 b@n1")]
    [InlineData("")]
    public void Families_holding_the_same_pods_give_the_single_stack_result(string pods)
    {
        var single = Analyzed.Of(Cluster(pods, null), ServiceRef("web"));
        var dual = Analyzed.Of(Cluster(pods, pods), ServiceRef("web"));

        var expected = Assert.Single(single.EntryPoints);
        var actual = Assert.Single(dual.EntryPoints);
        Assert.Equal(expected.Endpoints, actual.Endpoints);
        Assert.Equal(expected.PoolSize, actual.PoolSize);
        Assert.Equal(expected.Skew, actual.Skew);
        Assert.Equal(expected.BlackholedShare, actual.BlackholedShare);
        Assert.Equal(expected.Notes, actual.Notes);
        Assert.Empty(actual.Notes);
        Assert.Equal(single.Findings, dual.Findings);
    }

    // An IPv6 pool of 0 with everything blackholed: a client that resolved the Service's IPv6 address is not
    // sent to the IPv4 endpoints by kube-proxy, so that family's clients get nothing and it is the worse one.
    [Theory]
    [InlineData("a@n1 b@n2", "a@n1 b@n2 c@n2 d@n2", 4, 2.0, 0.0, "LB001",
        "the IPv4 endpoints hold other ready pods than the IPv6 ones; the spread shown is IPv6's, the worse (IPv6: skew 2; IPv4: skew 1)")]
    [InlineData("a@n1 b@n2 c@n2 d@n2", "a@n1 b@n2", 4, 2.0, 0.0, "LB001",
        "the IPv6 endpoints hold other ready pods than the IPv4 ones; the spread shown is IPv4's, the worse (IPv4: skew 2; IPv6: skew 1)")]
    [InlineData(null, "a@n1 b@n2 c@n2 d@n2", 4, 2.0, 0.0, "LB001", null)]
    [InlineData("a@n1 b@n2", "", 0, 0.0, 1.0, "LB002",
        "the IPv4 endpoints hold other ready pods than the IPv6 ones; the spread shown is IPv6's, the worse (IPv6: no ready endpoint, all traffic blackholed; IPv4: skew 1)")]
    [InlineData("a@n1 b@n2", "a@n1 c@n2", 2, 1.0, 0.0, "",
        "the IPv6 endpoints hold other ready pods than the IPv4 ones; the spread shown is IPv4's")]
    public void Families_holding_different_pods_show_the_worse_spread_and_name_both_in_a_note(
        string? ipv4, string? ipv6, int pool, double skew, double blackholed, string rules, string? note)
    {
        var report = Analyzed.Of(Cluster(ipv4, ipv6), ServiceRef("web"));

        var result = Assert.Single(report.EntryPoints);
        Assert.Equal(pool, result.PoolSize);
        Assert.Equal(skew, result.Skew);
        Assert.Equal(blackholed, result.BlackholedShare);
        Assert.Equal(rules, string.Join(' ', report.Findings.Select(f => f.RuleId)));
        Assert.Equal(note is null ? [] : [note], result.Notes);
    }

    [Fact]
    public void The_blackhole_of_an_empty_family_names_that_family()
    {
        var report = Analyzed.Of(Cluster("a@n1 b@n2", ""), ServiceRef("web"));

        var finding = Assert.Single(report.WithRule("LB002"));
        Assert.Contains("no ready IPv6 endpoint", finding.Message, StringComparison.Ordinal);
    }

    /// <summary>A family given as null has no slice; as "" an empty slice.</summary>
    private static IClusterView Cluster(string? ipv4, string? ipv6)
    {
        var builder = new ClusterBuilder()
            .With(Service("web", ServiceType.NodePort) with { ExternalTrafficPolicy = TrafficPolicy.Local });
        if (ipv4 is not null)
        {
            builder.With(Family("v4", "IPv4", ipv4, i => $"10.0.0.{i}"));
        }

        if (ipv6 is not null)
        {
            builder.With(Family("v6", "IPv6", ipv6, i => $"fd00::{i}"));
        }

        return builder.Build();
    }

    private static EndpointSliceInfo Family(string name, string family, string pods, Func<int, string> address) =>
        Slice("web", name, [.. pods.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select((pod, i) =>
        {
            var (podName, node) = (pod.Split('@')[0], pod.Split('@')[1]);
            return Endpoint($"web-{podName}", node) with { Addresses = [address(i + 1)], Pod = new PodRef(Namespace, $"web-{podName}") };
        })]) with { AddressType = family };
}
