using System.Text;
using LbOperator.ApiEmulator.Storage;
using Microsoft.AspNetCore.Http;

namespace LbOperator.ApiEmulator.Http;

/// <summary>
/// Serves one watch: newline-delimited <c>{"type":..,"object":..}</c> lines, periodic bookmarks when
/// asked for, an ERROR line carrying a 410 Status for an expired start, and <c>timeoutSeconds</c>.
/// </summary>
internal sealed class WatchStream(ResourceStore store, TimeSpan bookmarkInterval)
{
    private static readonly byte[] Suffix = "}\n"u8.ToArray();

    public async Task ServeAsync(HttpContext context, ResourcePath path, Func<StoredObject, bool> filter, bool silenced)
    {
        var query = context.Request.Query;
        long? from = long.TryParse(query["resourceVersion"], out var rv) ? rv : null;
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "application/json";

        WatchSubscription subscription;
        try
        {
            subscription = store.Watch(path.Resource, path.Namespace, filter, from, silenced);
        }
        catch (ApiStatusException expired)
        {
            await WriteLineAsync(response, "ERROR", Encoding.UTF8.GetBytes(StatusBody.Json(expired)), context.RequestAborted);
            return;
        }

        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        if (int.TryParse(query["timeoutSeconds"], out var timeout) && timeout > 0 && !silenced)
        {
            lifetime.CancelAfter(TimeSpan.FromSeconds(timeout));
        }

        var bookmarks = query["allowWatchBookmarks"] == "true"
            ? SendBookmarksAsync(subscription, lifetime.Token)
            : Task.CompletedTask;
        try
        {
            await response.StartAsync(lifetime.Token);
            await response.Body.FlushAsync(lifetime.Token);
            await foreach (var message in subscription.Reader.ReadAllAsync(lifetime.Token))
            {
                await WriteLineAsync(response, message.Type, message.Object, lifetime.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The client went away or timeoutSeconds elapsed: both simply end the stream.
        }
        finally
        {
            store.Unwatch(subscription);
            await lifetime.CancelAsync();
            await bookmarks;
            if (subscription.Dropped)
            {
                context.Abort();
            }
        }
    }

    private async Task SendBookmarksAsync(WatchSubscription subscription, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(bookmarkInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                store.Bookmark(subscription);
            }
        }
        catch (OperationCanceledException)
        {
            // The watch ended.
        }
    }

    private static async Task WriteLineAsync(HttpResponse response, string type, byte[] item, CancellationToken cancellationToken)
    {
        var prefix = Encoding.UTF8.GetBytes($$"""{"type":"{{type}}","object":""");
        await response.Body.WriteAsync(prefix, cancellationToken);
        await response.Body.WriteAsync(item, cancellationToken);
        await response.Body.WriteAsync(Suffix, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
