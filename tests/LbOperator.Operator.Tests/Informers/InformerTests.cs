using k8s.Models;
using LbOperator.ApiEmulator;
using LbOperator.ApiEmulator.Faults;
using LbOperator.ApiEmulator.Resources;
using LbOperator.Operator.Informers;
using LbOperator.Operator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace LbOperator.Operator.Tests.Informers;

public sealed class InformerTests
{
    private static V1Service Service(string name, string version = "1", string ns = "shop") => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Labels = new Dictionary<string, string> { ["v"] = version } },
        Spec = new V1ServiceSpec(),
    };

    private static InformerHarness<V1Service, V1ServiceList> Harness(KubeApiEmulator emulator, InformerSettings? settings = null, TimeProvider? time = null) =>
        new(emulator, ResourceClients.Services, settings ?? InformerHarness<V1Service, V1ServiceList>.Settings(), time ?? TimeProvider.System);

    [Fact]
    public async Task The_initial_list_fills_the_cache_and_announces_each_object_as_added()
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        emulator.Objects.Apply(Service("web"));
        await using var harness = Harness(emulator);

        harness.Start();
        await Poll.UntilAsync(() => harness.Informer.HasSynced, "the informer synced");

        Assert.Equal(["none -> web@1"], harness.Changes);
        Assert.Equal("web", harness.Informer.Cache.Get("shop", "web")!.Metadata.Name);
    }

    [Fact]
    public async Task Watched_adds_updates_and_deletes_reach_the_cache_and_subscribers()
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        await using var harness = Harness(emulator);
        harness.Start();
        await Poll.UntilAsync(() => harness.Informer.HasSynced, "the informer synced");

        emulator.Objects.Apply(Service("web"));
        emulator.Objects.Apply(Service("web", version: "2"));
        emulator.Objects.Delete<V1Service>("shop", "web");
        await Poll.UntilAsync(() => harness.Saw("web@2 -> none"), "the delete arrived");

        Assert.Equal(["none -> web@1", "web@1 -> web@2", "web@2 -> none"], harness.Changes);
        Assert.Empty(harness.Informer.Cache.List());
    }

    [Fact]
    public async Task A_dropped_watch_resumes_from_its_resource_version_without_losing_changes()
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        await using var harness = Harness(emulator);
        harness.Start();
        await Poll.UntilAsync(() => harness.Informer.HasSynced && emulator.OpenWatches(ApiResourceCatalog.Services) == 1, "the watch is open");

        emulator.Faults.Inject(FaultRule.ServerError("services", ApiVerb.Watch, count: 3));
        emulator.DropWatches();
        emulator.Objects.Apply(Service("api"));
        await Poll.UntilAsync(() => harness.Saw("none -> api@1"), "the change made while disconnected arrived");

        Assert.Equal(1, emulator.RequestCount(ApiVerb.List, ApiResourceCatalog.Services));
        Assert.True(harness.Restarts("error") + harness.Restarts("closed") >= 1);
    }

    [Fact]
    public async Task An_expired_resource_version_relists_and_announces_exactly_what_changed()
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        emulator.Objects.Apply(Service("gone"));
        emulator.Objects.Apply(Service("kept"));
        emulator.Objects.Apply(Service("changed"));
        await using var harness = Harness(emulator);
        harness.Start();
        await Poll.UntilAsync(() => harness.Informer.HasSynced && emulator.OpenWatches(ApiResourceCatalog.Services) == 1, "the watch is open");

        emulator.Faults.Inject(FaultRule.ServerError("services", ApiVerb.Watch, count: int.MaxValue));
        emulator.DropWatches();
        emulator.Objects.Delete<V1Service>("shop", "gone");
        emulator.Objects.Apply(Service("changed", version: "2"));
        emulator.Objects.Apply(Service("new"));
        emulator.CompactHistory();
        emulator.Faults.Clear();
        await Poll.UntilAsync(() => harness.Saw("none -> new@1"), "the relist announced the new object");

        Assert.Equal(2, emulator.RequestCount(ApiVerb.List, ApiResourceCatalog.Services));
        Assert.True(harness.Restarts("expired") >= 1);
        Assert.Equal(["changed@1 -> changed@2", "gone@1 -> none", "none -> new@1"], harness.Changes.Skip(3).Order(StringComparer.Ordinal));
        Assert.Equal(["changed", "kept", "new"], harness.Informer.Cache.List().Select(s => s.Metadata.Name).Order());
    }

    [Fact]
    public async Task The_first_list_reads_the_watch_cache_and_a_relist_after_expiry_reads_the_latest_state()
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        emulator.Objects.Apply(Service("kept"));
        var lists = new List<string?>();
        await using var harness = new InformerHarness<V1Service, V1ServiceList>(emulator, client => new ResourceClient<V1Service, V1ServiceList>("services", true, (ns, request, ct) =>
        {
            if (!request.Watch)
            {
                lock (lists)
                {
                    lists.Add(request.ResourceVersion);
                }
            }

            return ResourceClients.Services(client).Call(ns, request, ct);
        }), InformerHarness<V1Service, V1ServiceList>.Settings(), TimeProvider.System);
        harness.Start();
        await Poll.UntilAsync(() => harness.Informer.HasSynced && emulator.OpenWatches(ApiResourceCatalog.Services) == 1, "the watch is open");

        emulator.Faults.Inject(FaultRule.ServerError("services", ApiVerb.Watch, count: int.MaxValue));
        emulator.DropWatches();
        emulator.Objects.Apply(Service("new"));
        emulator.CompactHistory();
        emulator.Faults.Clear();
        await Poll.UntilAsync(() => harness.Saw("none -> new@1"), "the relist announced the new object");

        lock (lists)
        {
            Assert.Equal(["0", null], lists);
        }
    }

    [Fact]
    public async Task The_watchdog_restarts_a_silent_watch()
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        emulator.Faults.Inject(FaultRule.SilentWatch("services", count: 1));
        var time = new FakeTimeProvider();
        await using var harness = Harness(emulator, InformerHarness<V1Service, V1ServiceList>.Settings(silence: TimeSpan.FromMinutes(1)), time);
        harness.Start();
        await Poll.UntilAsync(() => harness.Informer.HasSynced && emulator.OpenWatches(ApiResourceCatalog.Services) == 1, "the silent watch is open");
        emulator.Objects.Apply(Service("web"));

        time.Advance(TimeSpan.FromMinutes(2));
        await Poll.UntilAsync(() => harness.Saw("none -> web@1"), "the restarted watch delivered the change");

        Assert.Equal(1, harness.Restarts("silent"));
    }

    [Fact]
    public async Task Excluded_namespaces_never_reach_the_cache()
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        emulator.Objects.Apply(Service("dns", ns: "kube-system"));
        emulator.Objects.Apply(Service("web"));
        var settings = InformerHarness<V1Service, V1ServiceList>.Settings() with { AdmitsNamespace = ns => ns != "kube-system" };
        await using var harness = Harness(emulator, settings);
        harness.Start();
        await Poll.UntilAsync(() => harness.Informer.HasSynced, "the informer synced");
        emulator.Objects.Apply(Service("proxy", ns: "kube-system"));
        emulator.Objects.Apply(Service("api"));
        await Poll.UntilAsync(() => harness.Saw("none -> api@1"), "the later change arrived");

        Assert.Equal(["api", "web"], harness.Informer.Cache.List().Select(s => s.Metadata.Name).Order());
    }

    [Fact]
    public async Task Watching_chosen_namespaces_lists_and_watches_each_of_them()
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        emulator.Objects.Apply(Service("a", ns: "one"));
        emulator.Objects.Apply(Service("b", ns: "two"));
        emulator.Objects.Apply(Service("c", ns: "three"));
        var settings = InformerHarness<V1Service, V1ServiceList>.Settings() with { Scopes = ["one", "two"] };
        await using var harness = Harness(emulator, settings);
        harness.Start();
        await Poll.UntilAsync(() => harness.Informer.HasSynced, "both namespaces synced");

        Assert.Equal(["a", "b"], harness.Informer.Cache.List().Select(s => s.Metadata.Name).Order());
        Assert.Equal(2, emulator.RequestCount(ApiVerb.List, ApiResourceCatalog.Services));
    }
}
