using LbOperator.Core.Analysis.Routes;
using LbOperator.Core.Model;

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
        var view = new VersionedRoutes([MeshRoute("canary", "web")]) { Version = first };
        var cache = new MeshRoutesCache();

        var before = cache.For(view);
        view.Version = second;
        var after = cache.For(view);

        Assert.Equal(kept, ReferenceEquals(before, after));
        Assert.Equal((kept ? 1 : 2, "canary"), (view.Reads, Assert.Single(after.Of(Web)).Name));
    }

    [Fact]
    public void A_new_routes_version_gives_the_index_of_the_new_routes()
    {
        var view = new VersionedRoutes([MeshRoute("canary", "web")]) { Version = 1 };
        var cache = new MeshRoutesCache();
        Assert.Single(cache.For(view).Of(Web));

        view.HttpRoutes = [MeshRoute("canary", "api")];
        view.Version = 2;

        Assert.Empty(cache.For(view).Of(Web));
    }

    [Fact]
    public void Two_views_with_the_same_version_never_share_an_index()
    {
        var cache = new MeshRoutesCache();

        Assert.Single(cache.For(new VersionedRoutes([MeshRoute("canary", "web")]) { Version = 1 }).Of(Web));
        Assert.Empty(cache.For(new VersionedRoutes([]) { Version = 1 }).Of(Web));
    }

    private static HttpRouteInfo MeshRoute(string name, string parentService) =>
        new("shop", name, new Dictionary<string, string>(), [], [new RouteParentInfo("", "Service", null, parentService)]);

    private sealed class VersionedRoutes(IReadOnlyCollection<HttpRouteInfo> routes) : IClusterView
    {
        private IReadOnlyCollection<HttpRouteInfo> _routes = routes;

        public long? Version { get; set; }

        public int Reads { get; private set; }

        public long? RoutesVersion => Version;

        public IReadOnlyCollection<HttpRouteInfo> HttpRoutes
        {
            get
            {
                Reads++;
                return _routes;
            }

            set => _routes = value;
        }

        public IReadOnlyCollection<NodeInfo> Nodes => [];

        public IReadOnlyCollection<IngressInfo> Ingresses => [];

        public IReadOnlyCollection<ServiceInfo> Services => [];

        public ServiceInfo? GetService(string @namespace, string name) => null;

        public IReadOnlyList<EndpointSliceInfo> GetEndpointSlices(string @namespace, string serviceName) => [];

        public NodeInfo? GetNode(string name) => null;

        public IngressInfo? GetIngress(string @namespace, string name) => null;

        public HttpRouteInfo? GetHttpRoute(string @namespace, string name) => null;
    }
}
