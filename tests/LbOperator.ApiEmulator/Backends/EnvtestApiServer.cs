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

    public static async Task<EnvtestApiServer> StartAsync(EnvtestAssets assets, CancellationToken cancellationToken)
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
        // A /16 Service range instead of envtest's /24: scale runs create 10,000 ClusterIP Services.
        var apiServer = ServerProcess.Start(assets.KubeApiServer,
            $"--etcd-servers={etcdUrl}", $"--cert-dir={Path.Combine(directory, "certs")}",
            $"--secure-port={apiPort}", "--bind-address=127.0.0.1", "--advertise-address=127.0.0.1",
            "--service-cluster-ip-range=10.0.0.0/16", "--allow-privileged=true",
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

    public Task InstallGatewayApiAsync(CancellationToken cancellationToken) =>
        InstallCrdsAsync(GatewayApiCrds.Files(), "gateway.networking.k8s.io", "v1", "httproutes", cancellationToken);

    public Task InstallReportApiAsync(string group, CancellationToken cancellationToken) => group switch
    {
        "wgpolicyk8s.io" => InstallCrdsAsync(GatewayApiCrds.Files(group), group, "v1alpha2", "policyreports", cancellationToken),
        "openreports.io" => InstallCrdsAsync(GatewayApiCrds.Files(group), group, "v1alpha1", "reports", cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, "Not a report API group."),
    };

    /// <summary>Applies the CRDs and waits until <paramref name="plural"/> can be listed.</summary>
    private async Task InstallCrdsAsync(IReadOnlyList<string> files, string group, string version, string plural, CancellationToken cancellationToken)
    {
        using var client = new Kubernetes(configuration);
        foreach (var file in files)
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
            var list = await client.CustomObjects.ListClusterCustomObjectAsync(group, version, plural, cancellationToken: cancellationToken).ConfigureAwait(false);
            return list is not null && await IsDiscoveredAsync(client, $"{group}/{version}", plural, cancellationToken).ConfigureAwait(false);
        }, $"the {plural}.{group} CRD is served and discovered", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Discovery of a new CRD's group lags its REST endpoint by a moment (a 503 meanwhile); callers rely on both.</summary>
    private static async Task<bool> IsDiscoveredAsync(Kubernetes client, string groupVersion, string plural, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(client.BaseUri.ToString().TrimEnd('/') + "/apis/" + groupVersion));
        if (client.Credentials is not null)
        {
            await client.Credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }

        using var response = await client.HttpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode
            && KubernetesJson.Deserialize<V1APIResourceList>(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false))
                .Resources?.Any(resource => resource.Name == plural) == true;
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
            return await IsReadyAsync(client, cancellationToken).ConfigureAwait(false);
        }, "kube-apiserver answers and /readyz is ok", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Until its post-start hooks finish (API service registration among them), a fresh kube-apiserver
    /// answers discovery of a group it does not serve with 503 instead of 404.
    /// </summary>
    private static async Task<bool> IsReadyAsync(Kubernetes client, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(client.BaseUri.ToString().TrimEnd('/') + "/readyz"));
        if (client.Credentials is not null)
        {
            await client.Credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }

        using var response = await client.HttpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode;
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
