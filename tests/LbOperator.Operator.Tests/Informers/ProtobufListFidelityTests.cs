using System.Globalization;
using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using LbOperator.ApiEmulator.Backends;
using LbOperator.Kubernetes.Protobuf;
using LbOperator.Operator.Informers;
using LbOperator.Operator.Tests.Support;

namespace LbOperator.Operator.Tests.Informers;

/// <summary>
/// Services and EndpointSlices list in protobuf and must come out field for field as their JSON does, every
/// field set. A real kube-apiserver answers protobuf; the emulator answers JSON, which the same call reads.
/// </summary>
public sealed class ProtobufListFidelityTests
{
    private const string Namespace = "wire";

    [Theory]
    [ApiServerBackend(ApiServerBackend.Emulator)]
    [ApiServerBackend(ApiServerBackend.Envtest)]
    public async Task Listed_Services_equal_their_JSON_in_every_field(ApiServerBackend backend)
    {
        await using var server = await ApiServers.StartAsync(backend);
        using var client = new ProtobufKubernetes(server.ClientConfiguration());
        var owner = await OwnerAsync(client);
        // A real server drops the status of a created object and takes it through the status subresource;
        // the emulator has no status subresource and keeps it.
        await client.ApplyAsync(WireObjects.WithStatus(WireObjects.LoadBalancer(owner)));
        if (backend == ApiServerBackend.Envtest)
        {
            await client.CoreV1.ReplaceNamespacedServiceStatusAsync(WireObjects.WithStatus(await client.CoreV1.ReadNamespacedServiceAsync("edge", Namespace)), "edge", Namespace);
        }

        await client.ApplyAsync(WireObjects.ExternalName());
        await client.ApplyAsync(WireObjects.NamedTargetPort());

        var json = await client.CoreV1.ListNamespacedServiceAsync(Namespace);
        var (listed, version) = await ResourceClients.Services(client).ListAsync(Namespace, CancellationToken.None);

        AssertListedAtOrAfter(json.Metadata.ResourceVersion, version);
        Assert.Equal(Serialized(json.Items), Serialized(listed));
        Assert.Equal(3, listed.Count);
    }

    [Theory]
    [ApiServerBackend(ApiServerBackend.Emulator)]
    [ApiServerBackend(ApiServerBackend.Envtest)]
    public async Task Listed_EndpointSlices_equal_their_JSON_in_every_field(ApiServerBackend backend)
    {
        await using var server = await ApiServers.StartAsync(backend);
        using var client = new ProtobufKubernetes(server.ClientConfiguration());
        var owner = await OwnerAsync(client);
        await client.ApplyAsync(WireObjects.Slice(owner));
        await client.ApplyAsync(WireObjects.BareSlice());

        var json = await client.DiscoveryV1.ListNamespacedEndpointSliceAsync(Namespace);
        var (listed, version) = await ResourceClients.EndpointSlices(client).ListAsync(null, CancellationToken.None);

        AssertListedAtOrAfter(json.Metadata.ResourceVersion, version);
        Assert.Equal(Serialized(json.Items), Serialized(listed.Where(slice => slice.Metadata.NamespaceProperty == Namespace)));
        Assert.Equal(2, json.Items.Count);
    }

    [Theory]
    [ApiServerBackend(ApiServerBackend.Emulator)]
    [ApiServerBackend(ApiServerBackend.Envtest)]
    public async Task A_refused_list_fails_with_the_status_code_and_a_readable_body(ApiServerBackend backend)
    {
        await using var server = await ApiServers.StartAsync(backend);
        using var client = new ProtobufKubernetes(server.ClientConfiguration());

        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.ListAsync<V1Service, V1ServiceList>("/api/v1/nonexistents", null, ServiceDecoder.Service, CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotFound, error.Response.StatusCode);
        Assert.DoesNotContain("k8s\0", error.Response.Content, StringComparison.Ordinal);
        Assert.Contains("NotFound", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A real server's Lease renewals move the resourceVersion between two lists.</summary>
    private static void AssertListedAtOrAfter(string first, string? second) =>
        Assert.True(long.Parse(second ?? "", CultureInfo.InvariantCulture) >= long.Parse(first, CultureInfo.InvariantCulture), $"listed at {second}, after {first}");

    private static async Task<V1OwnerReference> OwnerAsync(IKubernetes client)
    {
        await client.EnsureNamespaceAsync(Namespace);
        var owner = await client.CoreV1.ReadNamespaceAsync(Namespace);
        return new V1OwnerReference { ApiVersion = "v1", Kind = "Namespace", Name = Namespace, Uid = owner.Metadata.Uid, BlockOwnerDeletion = false, Controller = false };
    }

    /// <summary>managedFields are dropped when reading either encoding in the operator; the test client keeps them in JSON.</summary>
    private static List<string> Serialized<T>(IEnumerable<T> items)
        where T : IMetadata<V1ObjectMeta> =>
        items.OrderBy(item => item.Metadata.Name, StringComparer.Ordinal).Select(item =>
        {
            item.Metadata.ManagedFields = null;
            return KubernetesJson.Serialize(item);
        }).ToList();
}
