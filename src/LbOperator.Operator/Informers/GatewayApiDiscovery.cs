using System.Net;
using k8s;
using k8s.Models;

namespace LbOperator.Operator.Informers;

/// <summary>
/// Asks API discovery (<c>GET /apis/gateway.networking.k8s.io/v1</c>, which needs no RBAC) whether
/// HTTPRoutes are served. A 404 means the CRD is not installed, which is not an error.
/// </summary>
public sealed class GatewayApiDiscovery(k8s.Kubernetes client)
{
    public async Task<bool> IsHttpRouteServedAsync(CancellationToken cancellationToken)
    {
        var address = new Uri(client.BaseUri.ToString().TrimEnd('/') + "/apis/" + ResourceClients.GatewayGroup + "/v1");
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        if (client.Credentials is not null)
        {
            await client.Credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }

        using var response = await client.HttpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        // 503: the API server is still starting its discovery for this group; the next periodic check asks again.
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.ServiceUnavailable)
        {
            return false;
        }

        response.EnsureSuccessStatusCode();
        var resources = KubernetesJson.Deserialize<V1APIResourceList>(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        return resources.Resources?.Any(r => r.Name == "httproutes") == true;
    }
}
