using System.Net;
using k8s;
using k8s.Models;
using LbOperator.Kubernetes.MetalLb;

namespace LbOperator.Operator.Informers;

/// <summary>
/// Asks API discovery (<c>GET /apis/GROUP/VERSION</c>, which needs no RBAC) whether a CRD-backed
/// resource is served: the Gateway API kinds, and MetalLB's advertisements. A 404 means the CRD is not
/// installed, which is not an error.
/// </summary>
public sealed class GatewayApiDiscovery(k8s.Kubernetes client)
{
    public Task<bool> IsHttpRouteServedAsync(CancellationToken cancellationToken) =>
        IsServedAsync("v1", "httproutes", cancellationToken);

    public Task<bool> IsGrpcRouteServedAsync(CancellationToken cancellationToken) =>
        IsServedAsync("v1", "grpcroutes", cancellationToken);

    public Task<bool> IsReferenceGrantServedAsync(CancellationToken cancellationToken) =>
        IsServedAsync(ResourceClients.ReferenceGrantVersion, "referencegrants", cancellationToken);

    public Task<bool> IsL2AdvertisementServedAsync(CancellationToken cancellationToken) =>
        IsServedAsync(MetalLbAdvertisement.KubeVersion, "l2advertisements", cancellationToken, MetalLbAdvertisement.KubeGroup);

    public Task<bool> IsBgpAdvertisementServedAsync(CancellationToken cancellationToken) =>
        IsServedAsync(MetalLbAdvertisement.KubeVersion, "bgpadvertisements", cancellationToken, MetalLbAdvertisement.KubeGroup);

    private async Task<bool> IsServedAsync(string version, string resource, CancellationToken cancellationToken, string group = ResourceClients.GatewayGroup)
    {
        var address = new Uri(client.BaseUri.ToString().TrimEnd('/') + "/apis/" + group + "/" + version);
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        if (client.Credentials is not null)
        {
            await client.Credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }

        using var response = await client.HttpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        response.EnsureSuccessStatusCode();
        var resources = KubernetesJson.Deserialize<V1APIResourceList>(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        return resources.Resources?.Any(r => r.Name == resource) == true;
    }
}
