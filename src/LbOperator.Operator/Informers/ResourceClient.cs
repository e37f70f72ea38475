using k8s;
using k8s.Autorest;
using k8s.Models;

namespace LbOperator.Operator.Informers;

/// <summary>
/// List and watch for one resource kind over KubernetesClient. <see cref="Namespace"/> null means all
/// namespaces (and is the only scope of cluster-scoped kinds). A kind with its own list call (namespace,
/// resourceVersion) lists through it, in protobuf; watches always go through <see cref="Call"/>.
/// </summary>
public sealed class ResourceClient<T, TList>(
    string resource,
    bool namespaced,
    Func<string?, ListWatchRequest, CancellationToken, Task<HttpOperationResponse<TList>>> call,
    Func<string?, string?, CancellationToken, Task<(IList<T> Items, string? ResourceVersion)>>? list = null)
    where T : IKubernetesObject<V1ObjectMeta>
    where TList : IKubernetesObject<V1ListMeta>, IItems<T>
{
    /// <summary>The plural resource name, the <c>resource</c> label of watch-restart metrics.</summary>
    public string Resource { get; } = resource;

    public bool Namespaced { get; } = namespaced;

    /// <summary>The list or watch call itself, for callers that shape the request.</summary>
    public Func<string?, ListWatchRequest, CancellationToken, Task<HttpOperationResponse<TList>>> Call { get; } = call;

    /// <summary>Lists the latest state (a consistent read).</summary>
    public Task<(IList<T> Items, string? ResourceVersion)> ListAsync(string? @namespace, CancellationToken cancellationToken) =>
        ListAsync(@namespace, fromWatchCache: false, cancellationToken);

    /// <param name="fromWatchCache">
    /// Lists at resourceVersion "0", served from the API server's watch cache without a read from etcd, as
    /// client-go's reflector does for its first list; false asks for the latest state (a relist after 410 Gone).
    /// </param>
    public async Task<(IList<T> Items, string? ResourceVersion)> ListAsync(string? @namespace, bool fromWatchCache, CancellationToken cancellationToken)
    {
        if (list is not null)
        {
            return await list(@namespace, fromWatchCache ? "0" : null, cancellationToken).ConfigureAwait(false);
        }

        var request = new ListWatchRequest(false, fromWatchCache ? "0" : null, false, null);
        using var response = await Call(@namespace, request, cancellationToken).ConfigureAwait(false);
        return (response.Body.Items ?? [], response.Body.Metadata?.ResourceVersion);
    }

    /// <summary>
    /// Watches from <paramref name="resourceVersion"/>. ERROR events (e.g. 410 Expired) arrive through
    /// <paramref name="onError"/> as <see cref="KubernetesException"/>; the stream then ends.
    /// </summary>
    public IAsyncEnumerable<(WatchEventType, T)> WatchAsync(string? @namespace, string? resourceVersion, int timeoutSeconds,
        Action<Exception> onError, CancellationToken cancellationToken)
    {
        var response = Call(@namespace, new ListWatchRequest(true, resourceVersion, true, timeoutSeconds), cancellationToken);
#pragma warning disable CS0618 // The only typed watch over a list call that also covers custom resources such as HTTPRoute.
        return response.WatchAsync<T, TList>(onError, cancellationToken);
#pragma warning restore CS0618
    }
}
