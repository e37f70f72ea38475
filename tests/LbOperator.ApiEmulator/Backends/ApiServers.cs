namespace LbOperator.ApiEmulator.Backends;

public static class ApiServers
{
    public static async Task<IApiServer> StartAsync(ApiServerBackend backend, CancellationToken cancellationToken = default) => backend switch
    {
        ApiServerBackend.Emulator => new EmulatorApiServer(await KubeApiEmulator.StartAsync().ConfigureAwait(false)),
        _ => await EnvtestApiServer.StartAsync(EnvtestAssets.FromEnvironment()
            ?? throw new InvalidOperationException(EnvtestAssets.MissingReason), cancellationToken).ConfigureAwait(false),
    };
}
