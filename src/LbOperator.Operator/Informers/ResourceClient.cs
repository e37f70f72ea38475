using k8s;
using k8s.Autorest;
using k8s.Models;

namespace LbOperator.Operator.Informers;

/// <summary>
/// List and watch for one resource kind over KubernetesClient. <see cref="Namespace"/> null means all
/// namespaces (and is the only scope of cluster-scoped kinds).
/// </summary>
public sealed class ResourceClient<T, TList>(
    string resource,
    bool namespaced,
    Func<string?, ListWatchRequest, CancellationToken, Task<HttpOperationResponse<TList>>> call)
    where T : IKubernetesObject<V1ObjectMeta>
    where TList : IKubernetesObject<V1ListMeta>, IItems<T>
{
    /// <summary>The plural resource name, the <c>resource</c> label of watch-restart metrics.</summary>
    public string Resource { get; } = resource;

    public bool Namespaced { get; } = namespaced;

    public async Task<(IList<T> Items, string? ResourceVersion)> ListAsync(string? @namespace, CancellationToken cancellationToken)
    {
        using var response = await call(@namespace, new ListWatchRequest(false, null, false, null), cancellationToken).ConfigureAwait(false);
        return (response.Body.Items ?? [], response.Body.Metadata?.ResourceVersion);
    }

    /// <summary>
    /// Watches from <paramref name="resourceVersion"/>. ERROR events (e.g. 410 Expired) arrive through
    /// <paramref name="onError"/> as <see cref="KubernetesException"/>; the stream then ends.
    /// </summary>
    public IAsyncEnumerable<(WatchEventType, T)> WatchAsync(string? @namespace, string? resourceVersion, int timeoutSeconds,
        Action<Exception> onError, CancellationToken cancellationToken)
    {
        var response = call(@namespace, new ListWatchRequest(true, resourceVersion, true, timeoutSeconds), cancellationToken);
#pragma warning disable CS0618 // The only typed watch over a list call that also covers custom resources such as HTTPRoute.
        return response.WatchAsync<T, TList>(onError, cancellationToken);
#pragma warning restore CS0618
    }
}
