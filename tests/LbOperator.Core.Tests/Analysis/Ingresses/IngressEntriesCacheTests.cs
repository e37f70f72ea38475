using LbOperator.Core.Analysis;
using LbOperator.Core.Analysis.Ingresses;
using LbOperator.Core.Model;
using LbOperator.Core.Tests.Builders;

namespace LbOperator.Core.Tests.Analysis.Ingresses;

public sealed class IngressEntriesCacheTests
{
    private static readonly IngressInfo Main = Ingress("web", new Dictionary<string, string>(), "web");
    private static readonly IngressInfo Canary = Ingress("web-canary", new Dictionary<string, string>
    {
        ["nginx.ingress.kubernetes.io/canary"] = "true",
        ["nginx.ingress.kubernetes.io/canary-weight"] = "20",
    }, "web-v2");

    [Theory]
    [InlineData(1L, 1L, true)]
    [InlineData(1L, 2L, false)]
    [InlineData(null, null, false)]
    public void The_grouping_is_kept_while_the_view_reports_the_same_ingresses_version(long? first, long? second, bool kept)
    {
        var view = new VersionedClusterView { Ingresses = [Main, Canary], IngressesVersion = first };
        var cache = new IngressEntriesCache();

        var before = cache.Of(Context(view), Main.Ref);
        view.IngressesVersion = second;
        var after = cache.Of(Context(view), Main.Ref);

        Assert.Equal(kept, ReferenceEquals(before, after));
        Assert.Equal(kept ? 1 : 2, view.IngressReads);
    }

    [Fact]
    public void The_main_and_its_canary_find_the_same_entry_point()
    {
        var view = new VersionedClusterView { Ingresses = [Main, Canary, Ingress("api", new Dictionary<string, string>(), "api", "api.example")], IngressesVersion = 1 };
        var cache = new IngressEntriesCache();

        var entry = Assert.Single(cache.Of(Context(view), Main.Ref));

        Assert.Same(entry, Assert.Single(cache.Of(Context(view), Canary.Ref)));
        Assert.Equal(("web", "web-canary"), (entry.Main?.Name, entry.Canary?.Name));
        Assert.Empty(cache.Of(Context(view), new ObjectRef(ObjectKind.Ingress, "shop", "gone")));
    }

    [Fact]
    public void A_new_version_gives_the_grouping_of_the_new_ingresses()
    {
        var view = new VersionedClusterView { Ingresses = [Main, Canary], IngressesVersion = 1 };
        var cache = new IngressEntriesCache();
        Assert.NotNull(Assert.Single(cache.Of(Context(view), Main.Ref)).Canary);

        view.Ingresses = [Main];
        view.IngressesVersion = 2;

        Assert.Null(Assert.Single(cache.Of(Context(view), Main.Ref)).Canary);
    }

    [Fact]
    public void Two_views_with_the_same_version_never_share_a_grouping()
    {
        var cache = new IngressEntriesCache();

        Assert.Single(cache.Of(Context(new VersionedClusterView { Ingresses = [Main], IngressesVersion = 1 }), Main.Ref));
        Assert.Empty(cache.Of(Context(new VersionedClusterView { IngressesVersion = 1 }), Main.Ref));
    }

    private static AnalysisContext Context(IClusterView view) => new(view, AnalysisPolicy.Default);

    private static IngressInfo Ingress(string name, IReadOnlyDictionary<string, string> annotations, string service, string host = "shop.example") =>
        new("shop", name, "nginx", annotations, [new IngressPathInfo(host, "/", "Prefix", new IngressBackendInfo(service, "80", null, null))], null);
}
