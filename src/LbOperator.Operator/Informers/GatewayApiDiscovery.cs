using System.Net;
using k8s;
using k8s.Models;
using LbOperator.Kubernetes.MetalLb;

namespace LbOperator.Operator.Informers;

/// <summary>
/// Asks API discovery (<c>GET /apis/GROUP/VERSION</c>, which needs no RBAC) whether a CRD-backed
/// resource is served: the Gateway API kinds, and MetalLB's advertisements. A 404 means the CRD is not
/// installed, which is not an error; 503 and 429 mean "not yet". Any other failure throws.
/// </summary>
public sealed class GatewayApiDiscovery(k8s.Kubernetes client)
{
    public Task<DiscoveryAnswer> AskForHttpRoutesAsync(CancellationToken cancellationToken) =>
        AskAsync(ResourceClients.GatewayGroup + "/v1", "httproutes", cancellationToken);

    public Task<DiscoveryAnswer> AskForGrpcRoutesAsync(CancellationToken cancellationToken) =>
        AskAsync(ResourceClients.GatewayGroup + "/v1", "grpcroutes", cancellationToken);

    public Task<DiscoveryAnswer> AskForReferenceGrantsAsync(CancellationToken cancellationToken) =>
        AskAsync(ResourceClients.GatewayGroup + "/" + ResourceClients.ReferenceGrantVersion, "referencegrants", cancellationToken);

    public Task<DiscoveryAnswer> AskForL2AdvertisementsAsync(CancellationToken cancellationToken) =>
        AskAsync(MetalLbAdvertisement.KubeGroup + "/" + MetalLbAdvertisement.KubeVersion, "l2advertisements", cancellationToken);

    public Task<DiscoveryAnswer> AskForBgpAdvertisementsAsync(CancellationToken cancellationToken) =>
        AskAsync(MetalLbAdvertisement.KubeGroup + "/" + MetalLbAdvertisement.KubeVersion, "bgpadvertisements", cancellationToken);

    /// <summary>Whether <c>GET /apis/{groupVersion}</c> lists <paramref name="resource"/> (a plural).</summary>
    public async Task<DiscoveryAnswer> AskAsync(string groupVersion, string resource, CancellationToken cancellationToken)
    {
        var address = new Uri(client.BaseUri.ToString().TrimEnd('/') + "/apis/" + groupVersion);
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        if (client.Credentials is not null)
        {
            await client.Credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }

        using var response = await client.HttpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        switch (response.StatusCode)
        {
            case HttpStatusCode.NotFound:
                return DiscoveryAnswer.NotServed;
            case HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests:
                return DiscoveryAnswer.AskAgainSoon;
        }

        response.EnsureSuccessStatusCode();
        var resources = KubernetesJson.Deserialize<V1APIResourceList>(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        return resources.Resources?.Any(r => r.Name == resource) == true ? DiscoveryAnswer.Served : DiscoveryAnswer.NotServed;
    }
}
