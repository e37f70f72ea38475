using k8s;

namespace LbOperator.ApiEmulator.Backends;

public sealed class EmulatorApiServer(KubeApiEmulator emulator) : IApiServer
{
    public string Name => "emulator";

    public KubeApiEmulator? Emulator => emulator;

    public KubernetesClientConfiguration ClientConfiguration() => emulator.ClientConfiguration();

    public Task InstallGatewayApiAsync(CancellationToken cancellationToken)
    {
        emulator.InstallGatewayApi();
        return Task.CompletedTask;
    }

    public Task InstallReportApiAsync(string group, CancellationToken cancellationToken)
    {
        emulator.InstallReportApi(group);
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => emulator.DisposeAsync();
}
