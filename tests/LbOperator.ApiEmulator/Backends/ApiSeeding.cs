using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace LbOperator.ApiEmulator.Backends;

/// <summary>
/// Test setup through the real API (create, replace, delete), so it works on the emulator and on a real
/// kube-apiserver alike. Namespaces are created on demand, as a real server requires them.
/// </summary>
public static class ApiSeeding
{
    /// <summary>Creates the object, or replaces it at its current resourceVersion when it exists.</summary>
    public static async Task<T> ApplyAsync<T>(this IKubernetes client, T item, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var resource = EmulatorObjects.ResourceOf(typeof(T));
        var ns = resource.Namespaced ? item.Metadata.NamespaceProperty ?? "default" : null;
        if (ns is not null)
        {
            await client.EnsureNamespaceAsync(ns, cancellationToken).ConfigureAwait(false);
        }

        var rest = new ResourceRest<T>(client, resource, ns);
        try
        {
            return await rest.CreateAsync(item, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException error) when (error.Response.StatusCode == HttpStatusCode.Conflict)
        {
            item.Metadata.ResourceVersion = (await rest.ReadAsync(item.Metadata.Name, cancellationToken).ConfigureAwait(false)).Metadata.ResourceVersion;
            return await rest.ReplaceAsync(item, cancellationToken).ConfigureAwait(false);
        }
    }

    public static Task DeleteAsync<T>(this IKubernetes client, string? @namespace, string name, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var resource = EmulatorObjects.ResourceOf(typeof(T));
        return new ResourceRest<T>(client, resource, resource.Namespaced ? @namespace ?? "default" : null).DeleteAsync(name, cancellationToken);
    }

    public static async Task EnsureNamespaceAsync(this IKubernetes client, string name, CancellationToken cancellationToken = default)
    {
        try
        {
            await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } }, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException error) when (error.Response.StatusCode == HttpStatusCode.Conflict)
        {
            // It exists.
        }
    }
}
