using System.Net;
using System.Security.Cryptography;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace LbOperator.ApiEmulator.Backends;

/// <summary>
/// A real etcd and kube-apiserver, started the way controller-runtime's envtest starts them: a temporary
/// directory, free ports, a generated service-account key, self-signed serving certificates, RBAC with
/// a static admin token in <c>system:masters</c>. Everything is removed on dispose.
/// </summary>
public sealed class EnvtestApiServer : IApiServer
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly string directory;
    private readonly ServerProcess etcd;
    private readonly ServerProcess apiServer;
    private readonly KubernetesClientConfiguration configuration;

    private EnvtestApiServer(string directory, ServerProcess etcd, ServerProcess apiServer, KubernetesClientConfiguration configuration)
    {
        this.directory = directory;
        this.etcd = etcd;
        this.apiServer = apiServer;
        this.configuration = configuration;
    }

    public string Name => "envtest";

    public KubeApiEmulator? Emulator => null;

    /// <param name="serviceClusterIpRange">Large enough for every Service the run creates (the default holds 254).</param>
    public static async Task<EnvtestApiServer> StartAsync(EnvtestAssets assets, CancellationToken cancellationToken, string serviceClusterIpRange = "10.0.0.0/24")
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("lb-operator-envtest-").FullName;
        var (etcdPort, peerPort, apiPort) = (FreeTcpPort.Next(), FreeTcpPort.Next(), FreeTcpPort.Next());
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var tokens = Path.Combine(directory, "tokens.csv");
        await File.WriteAllTextAsync(tokens, $"{token},envtest-admin,envtest-admin,\"system:masters\"\n", cancellationToken).ConfigureAwait(false);
        using var key = RSA.Create(2048);
        var privateKey = Path.Combine(directory, "sa.key");
        var publicKey = Path.Combine(directory, "sa.pub");
        await File.WriteAllTextAsync(privateKey, key.ExportPkcs8PrivateKeyPem(), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(publicKey, key.ExportSubjectPublicKeyInfoPem(), cancellationToken).ConfigureAwait(false);

        var etcdUrl = $"http://127.0.0.1:{etcdPort}";
        var peerUrl = $"http://127.0.0.1:{peerPort}";
        var etcd = ServerProcess.Start(assets.Etcd,
            "--name=envtest", $"--data-dir={Path.Combine(directory, "etcd")}",
            $"--listen-client-urls={etcdUrl}", $"--advertise-client-urls={etcdUrl}",
            $"--listen-peer-urls={peerUrl}", $"--initial-advertise-peer-urls={peerUrl}", $"--initial-cluster=envtest={peerUrl}",
            "--unsafe-no-fsync=true");
        var apiServer = ServerProcess.Start(assets.KubeApiServer,
            $"--etcd-servers={etcdUrl}", $"--cert-dir={Path.Combine(directory, "certs")}",
            $"--secure-port={apiPort}", "--bind-address=127.0.0.1", "--advertise-address=127.0.0.1",
            $"--service-cluster-ip-range={serviceClusterIpRange}", "--allow-privileged=true",
            "--authorization-mode=RBAC", $"--token-auth-file={tokens}",
            $"--service-account-key-file={publicKey}", $"--service-account-signing-key-file={privateKey}",
            "--service-account-issuer=https://kubernetes.default.svc", "--disable-admission-plugins=ServiceAccount");
        var configuration = new KubernetesClientConfiguration { Host = $"https://127.0.0.1:{apiPort}", AccessToken = token, SkipTlsVerify = true };
        var server = new EnvtestApiServer(directory, etcd, apiServer, configuration);
        try
        {
            await server.WaitUntilReadyAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public KubernetesClientConfiguration ClientConfiguration() => configuration;

    public async Task InstallGatewayApiAsync(CancellationToken cancellationToken)
    {
        using var client = new Kubernetes(configuration);
        foreach (var file in GatewayApiCrds.Files())
        {
            foreach (var crd in KubernetesYaml.LoadAllFromString(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false)).OfType<V1CustomResourceDefinition>())
            {
                try
                {
                    await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd, cancellationToken: cancellationToken).ConfigureAwait(false);
                }
                catch (HttpOperationException error) when (error.Response.StatusCode == HttpStatusCode.Conflict)
                {
                    // Already installed by an earlier test on this server.
                }
            }
        }

        await PollAsync(async () =>
        {
            var group = await client.CustomObjects.ListClusterCustomObjectAsync("gateway.networking.k8s.io", "v1", "httproutes", cancellationToken: cancellationToken).ConfigureAwait(false);
            return group is not null;
        }, "the HTTPRoute CRD is served", cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await apiServer.StopAsync().ConfigureAwait(false);
        await etcd.StopAsync().ConfigureAwait(false);
        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A straggling file handle only leaves a temp directory behind.
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var client = new Kubernetes(configuration);
        await PollAsync(async () =>
        {
            if (apiServer.HasExited || etcd.HasExited)
            {
                throw new InvalidOperationException($"envtest failed to start:\n{etcd.Tail()}\n{apiServer.Tail()}");
            }

            await client.CoreV1.ListNamespaceAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }, "kube-apiserver answers", cancellationToken).ConfigureAwait(false);
    }

    private static async Task PollAsync(Func<Task<bool>> probe, string what, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            try
            {
                if (await probe().ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (Exception error) when (error is HttpRequestException or HttpOperationException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"Gave up waiting until {what}.", error);
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
        }
    }
}
