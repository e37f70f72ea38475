using System.Net;
using System.Net.Sockets;
using k8s;
using LbOperator.ApiEmulator.Backends;
using LbOperator.Kubernetes.Protobuf;
using LbOperator.Operator.Tests.Support;

namespace LbOperator.Operator.Tests.Informers;

public sealed class ProtobufKubernetesConnectTests
{
    [Theory]
    [ApiServerBackend(ApiServerBackend.Emulator)]
    [ApiServerBackend(ApiServerBackend.Envtest)]
    public async Task Connecting_ahead_succeeds_where_the_API_server_answers(ApiServerBackend backend)
    {
        await using var server = await ApiServers.StartAsync(backend);
        using var client = new ProtobufKubernetes(server.ClientConfiguration());

        Assert.True(await client.ConnectAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Connecting_ahead_to_a_port_nobody_listens_on_reports_false_instead_of_throwing()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = new ProtobufKubernetes(new KubernetesClientConfiguration { Host = $"https://127.0.0.1:{port}", SkipTlsVerify = true });

        Assert.False(await client.ConnectAsync(CancellationToken.None));
    }
}
