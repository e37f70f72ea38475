using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Exceptions;
using k8s.Models;
using LbOperator.Kubernetes.GatewayApi;
using LbOperator.Kubernetes.Manifests;
using LbOperator.Kubernetes.MetalLb;
using LbOperator.Kubernetes.Protobuf;
using LbOperator.Runtime;
using LbOperator.Operator.Informers;

namespace LbOperator.Check.Cluster;

/// <summary>
/// Reads what the analysis needs from the live cluster with one plain list call per kind — the operator's
/// list calls, no informers, no watches — so <c>check --cluster</c> needs only the operator's read-only
/// RBAC: Services, EndpointSlices, Ingresses and the Gateway API kinds in the namespace asked for; Nodes,
/// IngressClasses and MetalLB advertisements (which live in MetalLB's own namespace) cluster-wide. A
/// CRD-backed kind is listed only when API discovery serves it.
/// </summary>
internal static class ClusterReader
{
    private const string Needed = "services, endpointslices, nodes, ingresses, ingressclasses, httproutes, grpcroutes, referencegrants and metallb advertisements";

    // Discovery answers 503 for a moment after a CRD is installed: a one-shot read asks a few times, then reads
    // without that kind and says so, rather than failing the whole check.
    private static async Task<bool> IsServedAsync(Func<CancellationToken, Task<DiscoveryAnswer>> ask, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var answer = await ask(cancellationToken).ConfigureAwait(false);
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

        using var client = new ProtobufKubernetes(configuration);
        var context = configuration.CurrentContext ?? configuration.Host;
        return await ReadAsync(client, context, settings.Namespace, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<ClusterSnapshot> ReadAsync(k8s.Kubernetes client, string context, string? @namespace, CancellationToken cancellationToken)
    {
        try
        {
            var discovery = new GatewayApiDiscovery(client);
            var builtIn = new[]
            {
                ListAsync(ResourceClients.Services(client), @namespace, V1Service.KubeKind, "v1", cancellationToken),
                ListAsync(ResourceClients.EndpointSlices(client), @namespace, V1EndpointSlice.KubeKind, "discovery.k8s.io/v1", cancellationToken),
                ListAsync(ResourceClients.Nodes(client), null, V1Node.KubeKind, "v1", cancellationToken),
                ListAsync(ResourceClients.Ingresses(client), @namespace, V1Ingress.KubeKind, "networking.k8s.io/v1", cancellationToken),
                ListAsync(ResourceClients.IngressClasses(client), null, V1IngressClass.KubeKind, "networking.k8s.io/v1", cancellationToken),
            };
            // Routes missing from a cluster are worth a note (their entry points go unchecked); settings kinds are not.
            var optional = new (string Name, bool Noted, Func<CancellationToken, Task<DiscoveryAnswer>> Ask, Func<Task<IEnumerable<ManifestObject>>> List)[]
            {
                ($"{HttpRoute.KubeApiVersion} {HttpRoute.KubeKind}s", true, discovery.AskForHttpRoutesAsync,
                    () => ListAsync(ResourceClients.HttpRoutes(client), @namespace, HttpRoute.KubeKind, HttpRoute.KubeApiVersion, cancellationToken)),
                ($"{GrpcRoute.KubeApiVersion} {GrpcRoute.KubeKind}s", true, discovery.AskForGrpcRoutesAsync,
                    () => ListAsync(ResourceClients.GrpcRoutes(client), @namespace, GrpcRoute.KubeKind, GrpcRoute.KubeApiVersion, cancellationToken)),
                (ReferenceGrant.KubeKind, false, discovery.AskForReferenceGrantsAsync,
                    () => ListAsync(ResourceClients.ReferenceGrants(client), @namespace, ReferenceGrant.KubeKind, ReferenceGrant.KubeApiVersion, cancellationToken)),
                (MetalLbAdvertisement.L2Kind, false, discovery.AskForL2AdvertisementsAsync,
                    () => ListAsync(ResourceClients.L2Advertisements(client), null, MetalLbAdvertisement.L2Kind, MetalLbAdvertisement.KubeApiVersion, cancellationToken)),
                (MetalLbAdvertisement.BgpKind, false, discovery.AskForBgpAdvertisementsAsync,
                    () => ListAsync(ResourceClients.BgpAdvertisements(client), null, MetalLbAdvertisement.BgpKind, MetalLbAdvertisement.KubeApiVersion, cancellationToken)),
            };
            var served = await Task.WhenAll(optional.Select(kind => IsServedAsync(kind.Ask, cancellationToken))).ConfigureAwait(false);
            var lists = await Task.WhenAll(builtIn.Concat(optional.Where((_, i) => served[i]).Select(kind => kind.List()))).ConfigureAwait(false);
            var unavailable = optional.Where((kind, i) => kind.Noted && !served[i]).Select(kind => kind.Name).ToArray();
            return new ClusterSnapshot(lists.SelectMany(list => list).ToArray(), context, @namespace, unavailable);
        }
        catch (HttpOperationException refused)
        {
            var status = refused.Response.StatusCode;
            var hint = status is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
                ? $"; it needs list on {Needed} (the operator's read-only role)"
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
