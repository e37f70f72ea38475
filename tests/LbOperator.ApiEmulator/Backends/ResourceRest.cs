using k8s;
using k8s.Models;
using LbOperator.ApiEmulator.Resources;

namespace LbOperator.ApiEmulator.Backends;

/// <summary>
/// Create, read, replace and delete for one resource over KubernetesClient: typed calls for the core
/// group, <see cref="GenericClient"/> (custom-object paths, which need a group) for the others.
/// </summary>
internal sealed class ResourceRest<T>(IKubernetes client, ApiResource resource, string? @namespace)
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private GenericClient Generic => new(client, resource.Group, resource.Version, resource.Plural, disposeClient: false);

    public async Task<T> CreateAsync(T item, CancellationToken cancellationToken)
    {
        item.ApiVersion ??= resource.ApiVersion;
        item.Kind ??= resource.Kind;
        return item switch
        {
            V1Service service => (T)(object)await client.CoreV1.CreateNamespacedServiceAsync(service, @namespace, cancellationToken: cancellationToken).ConfigureAwait(false),
            V1Node node => (T)(object)await client.CoreV1.CreateNodeAsync(node, cancellationToken: cancellationToken).ConfigureAwait(false),
            _ when resource.Group.Length == 0 => throw Unsupported(),
            _ when @namespace is null => await Generic.CreateAsync(item, cancellationToken).ConfigureAwait(false),
            _ => await Generic.CreateNamespacedAsync(item, @namespace, cancellationToken).ConfigureAwait(false),
        };
    }

    public async Task<T> ReadAsync(string name, CancellationToken cancellationToken) => typeof(T) switch
    {
        var t when t == typeof(V1Service) => (T)(object)await client.CoreV1.ReadNamespacedServiceAsync(name, @namespace, cancellationToken: cancellationToken).ConfigureAwait(false),
        var t when t == typeof(V1Node) => (T)(object)await client.CoreV1.ReadNodeAsync(name, cancellationToken: cancellationToken).ConfigureAwait(false),
        _ when resource.Group.Length == 0 => throw Unsupported(),
        _ when @namespace is null => await Generic.ReadAsync<T>(name, cancellationToken).ConfigureAwait(false),
        _ => await Generic.ReadNamespacedAsync<T>(@namespace, name, cancellationToken).ConfigureAwait(false),
    };

    public async Task<T> ReplaceAsync(T item, CancellationToken cancellationToken)
    {
        var name = item.Metadata.Name;
        return item switch
        {
            V1Service service => (T)(object)await client.CoreV1.ReplaceNamespacedServiceAsync(service, name, @namespace, cancellationToken: cancellationToken).ConfigureAwait(false),
            V1Node node => (T)(object)await client.CoreV1.ReplaceNodeAsync(node, name, cancellationToken: cancellationToken).ConfigureAwait(false),
            _ when resource.Group.Length == 0 => throw Unsupported(),
            _ when @namespace is null => await Generic.ReplaceAsync(item, name, cancellationToken).ConfigureAwait(false),
            _ => await Generic.ReplaceNamespacedAsync(item, @namespace, name, cancellationToken).ConfigureAwait(false),
        };
    }

    public async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        switch (typeof(T))
        {
            case var t when t == typeof(V1Service):
                await client.CoreV1.DeleteNamespacedServiceAsync(name, @namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
            case var t when t == typeof(V1Node):
                await client.CoreV1.DeleteNodeAsync(name, cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
            case var _ when resource.Group.Length == 0:
                throw Unsupported();
            case var _ when @namespace is null:
                await Generic.DeleteAsync<V1Status>(name, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await Generic.DeleteNamespacedAsync<V1Status>(@namespace, name, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private static NotSupportedException Unsupported() => new($"Seeding {typeof(T).Name} through the API is not supported; use Service, Node or a non-core kind.");
}
