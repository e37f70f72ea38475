using k8s;
using k8s.Models;
using LbOperator.ApiEmulator;
using LbOperator.ApiEmulator.Faults;
using LbOperator.ApiEmulator.Resources;

namespace LbOperator.Operator.Tests.ApiEmulator;

public sealed class EmulatorWatchTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static V1Node Node(string name, string zone = "a") => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["zone"] = zone } },
    };

    [Fact]
    public async Task A_watch_from_the_list_resource_version_sees_later_changes_in_order()
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        emulator.Objects.Apply(Node("n1"));
        using var client = emulator.CreateClient();
        var list = await client.CoreV1.ListNodeAsync();
        emulator.Objects.Apply(Node("n2"));
        emulator.Objects.Apply(Node("n1", zone: "b"));
        emulator.Objects.Delete<V1Node>(null, "n2");

        var seen = await ReadAsync(client.CoreV1.WatchListNodeAsync(resourceVersion: list.Metadata.ResourceVersion, cancellationToken: Timeout()), 3);

        Assert.Equal(["Added n2", "Modified n1", "Deleted n2"], seen.Select(e => $"{e.Item1} {e.Item2.Metadata.Name}"));
        Assert.True(long.Parse(seen[2].Item2.Metadata.ResourceVersion) > long.Parse(seen[1].Item2.Metadata.ResourceVersion));
    }

    [Fact]
    public async Task A_watch_without_resource_version_starts_with_the_current_objects()
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        emulator.Objects.Apply(Node("n1"));
        using var client = emulator.CreateClient();

        var seen = await ReadAsync(client.CoreV1.WatchListNodeAsync(cancellationToken: Timeout()), 1);

        Assert.Equal((WatchEventType.Added, "n1"), (seen[0].Item1, seen[0].Item2.Metadata.Name));
    }

    [Fact]
    public async Task A_label_change_that_leaves_the_selection_is_seen_as_a_deletion()
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        emulator.Objects.Apply(Node("n1"));
        using var client = emulator.CreateClient();
        var rv = emulator.Store.ResourceVersion.ToString();
        emulator.Objects.Apply(Node("n1", zone: "b"));

        var seen = await ReadAsync(client.CoreV1.WatchListNodeAsync(labelSelector: "zone=a", resourceVersion: rv, cancellationToken: Timeout()), 1);

        Assert.Equal(WatchEventType.Deleted, seen[0].Item1);
    }

    [Fact]
    public async Task A_watch_from_a_compacted_resource_version_gets_an_error_event_with_410_Expired()
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        emulator.Objects.Apply(Node("n1"));
        var old = emulator.Store.ResourceVersion.ToString();
        emulator.Objects.Apply(Node("n2"));
        emulator.CompactHistory();
        using var client = emulator.CreateClient();
        var errors = new List<Exception>();

        var seen = await ReadAsync(client.CoreV1.WatchListNodeAsync(resourceVersion: old, onError: errors.Add, cancellationToken: Timeout()), int.MaxValue);

        Assert.Empty(seen);
        var status = Assert.IsType<KubernetesException>(Assert.Single(errors)).Status;
        Assert.Equal((410, "Expired"), (status.Code!.Value, status.Reason));
        Assert.StartsWith("too old resource version: ", status.Message);
    }

    [Fact]
    public async Task A_watch_that_allows_bookmarks_receives_the_current_resource_version()
    {
        await using var emulator = await KubeApiEmulator.StartAsync(new KubeApiEmulatorOptions { BookmarkInterval = TimeSpan.FromMilliseconds(50) });
        emulator.Objects.Apply(Node("n1"));
        using var client = emulator.CreateClient();
        var rv = emulator.Store.ResourceVersion.ToString();

        var seen = await ReadAsync(client.CoreV1.WatchListNodeAsync(allowWatchBookmarks: true, resourceVersion: rv, cancellationToken: Timeout()), 1);

        Assert.Equal((WatchEventType.Bookmark, rv), (seen[0].Item1, seen[0].Item2.Metadata.ResourceVersion));
    }

    [Fact]
    public async Task A_watch_ends_after_timeout_seconds()
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        using var client = emulator.CreateClient();

        var ended = await Record.ExceptionAsync(() => ReadAsync(client.CoreV1.WatchListNodeAsync(timeoutSeconds: 1, cancellationToken: Timeout()), int.MaxValue));

        Assert.True(EndedByServer(ended), $"the watch did not end by itself: {ended}");
    }

    [Fact]
    public async Task Dropping_watches_cuts_open_streams()
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        using var client = emulator.CreateClient();
        var errors = new List<Exception>();
        var reading = ReadAsync(client.CoreV1.WatchListNodeAsync(onError: errors.Add, cancellationToken: Timeout()), int.MaxValue);
        await WaitForAsync(() => emulator.OpenWatches(ApiResourceCatalog.Nodes) == 1);

        Assert.Equal(1, emulator.DropWatches());
        var ended = await Record.ExceptionAsync(() => reading);

        Assert.True(EndedByServer(ended), $"the watch did not end by itself: {ended}");
    }

    [Fact]
    public async Task A_silent_watch_delivers_nothing_while_a_fresh_watch_does()
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        emulator.Faults.Inject(FaultRule.SilentWatch("nodes", count: 1));
        using var client = emulator.CreateClient();
        using var silentTimeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var silent = ReadAsync(client.CoreV1.WatchListNodeAsync(cancellationToken: silentTimeout.Token), 1);
        await WaitForAsync(() => emulator.OpenWatches(ApiResourceCatalog.Nodes) == 1);
        emulator.Objects.Apply(Node("n1"));

        var fresh = await ReadAsync(client.CoreV1.WatchListNodeAsync(cancellationToken: Timeout()), 1);

        Assert.Equal("n1", fresh[0].Item2.Metadata.Name);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => silent);
    }

    /// <summary>KubernetesClient reports a stream that ends before its first line as an HttpRequestException.</summary>
    private static bool EndedByServer(Exception? ended) => ended is null or HttpRequestException or IOException;

    private static CancellationToken Timeout() => new CancellationTokenSource(Patience).Token;

    private static async Task<List<(WatchEventType, T)>> ReadAsync<T>(IAsyncEnumerable<(WatchEventType, T)> events, int count)
    {
        var seen = new List<(WatchEventType, T)>();
        await foreach (var item in events)
        {
            seen.Add(item);
            if (seen.Count >= count)
            {
                break;
            }
        }

        return seen;
    }

    private static Task WaitForAsync(Func<bool> condition, string what = "the watch delivered what was expected") =>
        Poll.UntilAsync(condition, what, Patience);
}
