using System.Net;
using LbOperator.ApiEmulator.Backends;
using LbOperator.Operator.Tests.Support;

namespace LbOperator.Operator.Tests.Backends;

/// <summary>
/// The emulator accepts exactly the field selectors kube-apiserver accepts, per resource, and refuses the
/// rest with 400: the same requests run on both backends, so a test can never rely on a filter the real
/// server would reject.
/// </summary>
public sealed class FieldSelectorFidelityTests
{
    private static readonly (string Path, string Field, HttpStatusCode Status)[] Cases =
    [
        ("/api/v1/services", "metadata.name", HttpStatusCode.OK),
        ("/api/v1/services", "spec.type", HttpStatusCode.OK),
        ("/api/v1/services", "spec.externalTrafficPolicy", HttpStatusCode.BadRequest),
        ("/api/v1/nodes", "spec.unschedulable", HttpStatusCode.OK),
        ("/api/v1/nodes", "spec.podCIDR", HttpStatusCode.BadRequest),
        ("/api/v1/namespaces", "status.phase", HttpStatusCode.OK),
        ("/api/v1/events", "involvedObject.name", HttpStatusCode.OK),
        ("/api/v1/events", "reason", HttpStatusCode.OK),
        ("/api/v1/events", "message", HttpStatusCode.BadRequest),
        ("/apis/events.k8s.io/v1/events", "regarding.name", HttpStatusCode.OK),
        ("/apis/events.k8s.io/v1/events", "involvedObject.name", HttpStatusCode.BadRequest),
        ("/apis/discovery.k8s.io/v1/endpointslices", "metadata.namespace", HttpStatusCode.OK),
        ("/apis/discovery.k8s.io/v1/endpointslices", "addressType", HttpStatusCode.BadRequest),
        ("/apis/networking.k8s.io/v1/ingresses", "spec.ingressClassName", HttpStatusCode.BadRequest),
        ("/apis/coordination.k8s.io/v1/leases", "spec.holderIdentity", HttpStatusCode.BadRequest),
    ];

    [Theory]
    [ApiServerBackend(ApiServerBackend.Emulator)]
    [ApiServerBackend(ApiServerBackend.Envtest)]
    public async Task A_field_selector_is_served_only_where_kube_apiserver_supports_it(ApiServerBackend backend)
    {
        await using var server = await ApiServers.StartAsync(backend);
        using var client = new k8s.Kubernetes(server.ClientConfiguration());
        var mismatches = new List<string>();

        foreach (var (path, field, expected) in Cases)
        {
            var status = await ListStatusAsync(client, $"{path}?fieldSelector={Uri.EscapeDataString(field + "=x")}");
            if (status != expected)
            {
                mismatches.Add($"{path} {field}: {(int)status}, kube-apiserver answers {(int)expected}");
            }
        }

        Assert.Empty(mismatches);
    }

    private static async Task<HttpStatusCode> ListStatusAsync(k8s.Kubernetes client, string pathAndQuery)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(client.BaseUri.ToString().TrimEnd('/') + pathAndQuery));
        if (client.Credentials is not null)
        {
            await client.Credentials.ProcessHttpRequestAsync(request, CancellationToken.None);
        }

        using var response = await client.HttpClient.SendAsync(request);
        return response.StatusCode;
    }
}
