using k8s;
using LbOperator.ApiEmulator.Waiting;

namespace LbOperator.ApiEmulator.Backends;

/// <summary>
/// kube-controller-manager with every controller but node lifecycle (there is no kubelet to keep Nodes
/// alive). It serves nothing (<c>--secure-port=0</c>), so it needs no port. It is ready once its
/// controllers run, observed as the <c>default</c> ServiceAccount its ServiceAccount controller creates.
/// </summary>
internal static class ControllerManager
{
    public static async Task<ServerProcess> StartAsync(EnvtestAssets assets, EnvtestApiServer server, CancellationToken cancellationToken)
    {
        if (!File.Exists(assets.KubeControllerManager))
        {
            throw new FileNotFoundException($"The control plane needs kube-controller-manager beside kube-apiserver ({assets.KubeControllerManager}).");
        }

        var configuration = server.ClientConfiguration();
        var kubeconfig = Kubeconfig.Write(Path.Combine(server.Directory, "controller-manager.kubeconfig"), configuration.Host!, configuration.AccessToken!);
        var process = ServerProcess.Start(assets.KubeControllerManager,
        [
            $"--kubeconfig={kubeconfig}", "--controllers=*,-nodelifecycle", "--secure-port=0", "--leader-elect=false",
            $"--service-account-private-key-file={Path.Combine(server.Directory, "sa.key")}", "--use-service-account-credentials=false",
            "--concurrent-service-endpoint-syncs=5", "--endpointslice-updates-batch-period=0s",
        ]);
        using var client = new Kubernetes(configuration);
        try
        {
            await Poll.UntilAsync(async ct =>
            {
                process.ThrowIfExited("kube-controller-manager");
                var accounts = await client.CoreV1.ListNamespacedServiceAccountAsync("default", cancellationToken: ct).ConfigureAwait(false);
                return accounts.Items.Any(account => account.Metadata.Name == "default");
            }, "kube-controller-manager runs its controllers", cancellationToken: cancellationToken).ConfigureAwait(false);
            return process;
        }
        catch
        {
            await process.StopAsync().ConfigureAwait(false);
            throw;
        }
    }
}
