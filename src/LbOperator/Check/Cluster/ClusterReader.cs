using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Exceptions;
using k8s.Models;
using LbOperator.Kubernetes.GatewayApi;
using LbOperator.Kubernetes.Manifests;
using LbOperator.Operator.Hosting;
using LbOperator.Operator.Informers;

namespace LbOperator.Check.Cluster;

/// <summary>
/// Reads what the analysis needs from the live cluster with one plain list call per kind — the operator's
/// list calls, no informers, no watches — so <c>check --cluster</c> needs only the operator's read-only
/// RBAC. Nodes are cluster-scoped and always listed whole; HTTPRoutes only when API discovery serves them.
/// </summary>
internal static class ClusterReader
{
    // Discovery answers 503 for a moment after a CRD is installed: a one-shot read asks a few times, then reads
    // without routes and says so, rather than failing the whole check.
    private static async Task<bool> IsHttpRouteServedAsync(GatewayApiDiscovery discovery, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var answer = await discovery.AskForHttpRoutesAsync(cancellationToken).ConfigureAwait(false);
            if (answer != DiscoveryAnswer.AskAgainSoon || attempt == 5)
            {
                return answer == DiscoveryAnswer.Served;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task<ClusterSnapshot> ReadAsync(ClusterSettings settings, CancellationToken cancellationToken)
    {
        KubernetesClientConfiguration configuration;
        try
        {
            configuration = KubernetesConnection.Resolve(settings.KubeconfigPath, settings.Context);
        }
        catch (Exception ex) when (ex is KubeConfigException or FileNotFoundException or IOException or InvalidOperationException or ArgumentException)
        {
            throw new ClusterReadException($"cannot use the kubeconfig: {ex.Message.ReplaceLineEndings(" ")}", ex);
        }

        using var client = new k8s.Kubernetes(configuration);
        var context = configuration.CurrentContext ?? configuration.Host;
        return await ReadAsync(client, context, settings.Namespace, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<ClusterSnapshot> ReadAsync(k8s.Kubernetes client, string context, string? @namespace, CancellationToken cancellationToken)
    {
        try
        {
            var services = ListAsync(ResourceClients.Services(client), @namespace, V1Service.KubeKind, "v1", cancellationToken);
            var slices = ListAsync(ResourceClients.EndpointSlices(client), @namespace, V1EndpointSlice.KubeKind, "discovery.k8s.io/v1", cancellationToken);
            var nodes = ListAsync(ResourceClients.Nodes(client), null, V1Node.KubeKind, "v1", cancellationToken);
            var ingresses = ListAsync(ResourceClients.Ingresses(client), @namespace, V1Ingress.KubeKind, "networking.k8s.io/v1", cancellationToken);
            var routesServed = await IsHttpRouteServedAsync(new GatewayApiDiscovery(client), cancellationToken).ConfigureAwait(false);
            var routes = routesServed
                ? ListAsync(ResourceClients.HttpRoutes(client), @namespace, HttpRoute.KubeKind, HttpRoute.KubeApiVersion, cancellationToken)
                : Task.FromResult<IEnumerable<ManifestObject>>([]);
            var lists = await Task.WhenAll(services, slices, nodes, ingresses, routes).ConfigureAwait(false);
            var unavailable = routesServed ? [] : new[] { $"{HttpRoute.KubeApiVersion} {HttpRoute.KubeKind}s" };
            return new ClusterSnapshot(lists.SelectMany(list => list).ToArray(), context, @namespace, unavailable);
        }
        catch (HttpOperationException refused)
        {
            var status = refused.Response.StatusCode;
            var hint = status is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
                ? "; it needs list on services, endpointslices, nodes, ingresses and httproutes (the operator's read-only role)"
                : "";
            throw new ClusterReadException($"the cluster refused a list: {(int)status} {status} on {refused.Request.RequestUri}{hint}", refused);
        }
        catch (HttpRequestException unreachable)
        {
            throw new ClusterReadException($"cannot reach the API server at {client.BaseUri}: {unreachable.Message}", unreachable);
        }
    }

    private static async Task<IEnumerable<ManifestObject>> ListAsync<T, TList>(
        ResourceClient<T, TList> resource, string? @namespace, string kind, string apiVersion, CancellationToken cancellationToken)
        where T : IKubernetesObject<V1ObjectMeta>
        where TList : IKubernetesObject<V1ListMeta>, IItems<T>
    {
        var (items, _) = await resource.ListAsync(resource.Namespaced ? @namespace : null, cancellationToken).ConfigureAwait(false);
        return items.Select(item =>
        {
            // List items carry no kind; the overlay keys objects by kind.
            item.Kind = kind;
            item.ApiVersion = apiVersion;
            return ManifestObject.From(item, SourceLocation.Cluster);
        });
    }
}
