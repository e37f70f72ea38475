using LbOperator.Core.Analysis.Routes;
using LbOperator.Core.Model;
using LbOperator.Core.Tests.Builders;

namespace LbOperator.Core.Tests.Analysis.Routes;

public sealed class MeshRoutesCacheTests
{
    private static readonly ServiceInfo Web = new("shop", "web", ServiceType.ClusterIP, TrafficPolicy.Cluster, TrafficPolicy.Cluster, null,
        SessionAffinity.None, new Dictionary<string, string>(), null, null);

    [Theory]
    [InlineData(1L, 1L, true)]
    [InlineData(1L, 2L, false)]
    [InlineData(null, null, false)]
    public void The_index_is_kept_while_the_view_reports_the_same_routes_version(long? first, long? second, bool kept)
    {
        var view = new VersionedClusterView { HttpRoutes = [MeshRoute("canary", "web")], RoutesVersion = first };
        var cache = new MeshRoutesCache();

        var before = cache.For(view);
        view.RoutesVersion = second;
        var after = cache.For(view);

        Assert.Equal(kept, ReferenceEquals(before, after));
        Assert.Equal((kept ? 1 : 2, "canary"), (view.RouteReads, Assert.Single(after.Of(Web)).Name));
    }

    [Fact]
    public void A_new_routes_version_gives_the_index_of_the_new_routes()
    {
        var view = new VersionedClusterView { HttpRoutes = [MeshRoute("canary", "web")], RoutesVersion = 1 };
        var cache = new MeshRoutesCache();
        Assert.Single(cache.For(view).Of(Web));

        view.HttpRoutes = [MeshRoute("canary", "api")];
        view.RoutesVersion = 2;

        Assert.Empty(cache.For(view).Of(Web));
    }

    [Fact]
    public void Two_views_with_the_same_version_never_share_an_index()
    {
        var cache = new MeshRoutesCache();

        Assert.Single(cache.For(new VersionedClusterView { HttpRoutes = [MeshRoute("canary", "web")], RoutesVersion = 1 }).Of(Web));
        Assert.Empty(cache.For(new VersionedClusterView { RoutesVersion = 1 }).Of(Web));
    }

    private static HttpRouteInfo MeshRoute(string name, string parentService) =>
        new("shop", name, new Dictionary<string, string>(), [], [new RouteParentInfo("", "Service", null, parentService)]);
}
