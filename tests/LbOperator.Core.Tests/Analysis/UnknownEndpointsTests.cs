using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Core.Tests.Builders;
using static LbOperator.Core.Tests.Builders.Objects;

namespace LbOperator.Core.Tests.Analysis;

public sealed class UnknownEndpointsTests
{
    private static readonly AnalysisPolicy ManifestPolicy = AnalysisPolicy.Default with { EndpointsMayBeAbsent = true };

    [Fact]
    public void A_service_without_any_slice_is_blackholed_under_the_default_policy()
    {
        var view = new ClusterBuilder().With(Service("checkout")).Build();

        var report = Analyzed.Of(view, ServiceRef("checkout"));

        Assert.Equal(1.0, Assert.Single(report.EntryPoints).BlackholedShare);
        Assert.Single(report.WithRule("LB002"));
    }

    [Fact]
    public void A_service_without_any_slice_has_unknown_endpoints_when_slices_may_be_absent()
    {
        var view = new ClusterBuilder().With(Service("checkout")).Build();

        var report = Analyzed.Of(view, ServiceRef("checkout"), ManifestPolicy);

        var result = Assert.Single(report.EntryPoints);
        Assert.Equal(0.0, result.BlackholedShare);
        Assert.Equal(0, result.PoolSize);
        Assert.Empty(report.Findings);
        Assert.Contains(result.Notes, note => note.Contains("shop/checkout has no EndpointSlice in the input", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_slice_still_means_no_ready_endpoint_when_slices_may_be_absent()
    {
        var view = new ClusterBuilder().With(Service("checkout")).With(Slice("checkout", "checkout-1")).Build();

        var report = Analyzed.Of(view, ServiceRef("checkout"), ManifestPolicy);

        Assert.Single(report.WithRule("LB002"));
    }

    [Fact]
    public void A_route_backend_without_slices_is_not_blackholed_but_a_missing_service_still_is()
    {
        var view = new ClusterBuilder()
            .With(Service("a"))
            .With(Route("split", Rule(("a", 50), ("gone", 50))))
            .Build();

        var report = Analyzed.Of(view, RouteRef("split"), ManifestPolicy);

        var result = Assert.Single(report.EntryPoints);
        Assert.Equal(0.5, result.BlackholedShare, 9);
        var finding = Assert.Single(report.WithRule("LB002"));
        Assert.Contains("shop/gone does not exist", finding.Message, StringComparison.Ordinal);
    }
}
