using System.Net;
using System.Security.Cryptography;
using k8s;
using k8s.Autorest;
using k8s.Models;
using LbOperator.ApiEmulator.Waiting;

namespace LbOperator.ApiEmulator.Backends;

/// <summary>
/// A real etcd and kube-apiserver (and, when asked, kube-controller-manager), started the way
/// controller-runtime's envtest starts them: a temporary directory, a generated service-account key,
/// self-signed serving certificates, RBAC with a static admin token in <c>system:masters</c>. Ports are
/// candidates started through <see cref="RetryingStart"/>. kube-apiserver can be restarted with other
/// flags on the same port and the same etcd data. Everything is removed on dispose.
/// </summary>
public sealed class EnvtestApiServer : IApiServer
{
    private readonly EnvtestAssets assets;
    private readonly EtcdServer etcd;
    private readonly KubernetesClientConfiguration configuration;
    private readonly int apiPort;
    private ServerProcess apiServer;
    private ServerProcess? controllerManager;

    private EnvtestApiServer(EnvtestAssets assets, string directory, EtcdServer etcd, ServerProcess apiServer, int apiPort, KubernetesClientConfiguration configuration)
    {
        this.assets = assets;
        Directory = directory;
        this.etcd = etcd;
        this.apiServer = apiServer;
        this.apiPort = apiPort;
        this.configuration = configuration;
    }

    public string Name => "envtest";

    public KubeApiEmulator? Emulator => null;

    /// <summary>The temporary directory holding the data, keys and kubeconfigs.</summary>
    public string Directory { get; }

    public EtcdServer Etcd => etcd;

    public static Task<EnvtestApiServer> StartAsync(EnvtestAssets assets, CancellationToken cancellationToken) =>
        StartAsync(assets, new EnvtestSettings(), cancellationToken);

    public static async Task<EnvtestApiServer> StartAsync(EnvtestAssets assets, EnvtestSettings settings, CancellationToken cancellationToken)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("lb-operator-envtest-").FullName;
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        await File.WriteAllTextAsync(Path.Combine(directory, "tokens.csv"), $"{token},envtest-admin,envtest-admin,\"system:masters\"\n", cancellationToken).ConfigureAwait(false);
        using (var key = RSA.Create(2048))
        {
            await File.WriteAllTextAsync(Path.Combine(directory, "sa.key"), key.ExportPkcs8PrivateKeyPem(), cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(Path.Combine(directory, "sa.pub"), key.ExportSubjectPublicKeyInfoPem(), cancellationToken).ConfigureAwait(false);
        }

        var etcd = await EtcdServer.StartAsync(assets.Etcd, Path.Combine(directory, "etcd"), cancellationToken).ConfigureAwait(false);
        EnvtestApiServer? server = null;
        try
        {
            server = await RetryingStart.RunAsync(async () =>
            {
                var port = PortCandidate.Next();
                var configuration = new KubernetesClientConfiguration { Host = $"https://127.0.0.1:{port}", AccessToken = token, SkipTlsVerify = true };
                var candidate = new EnvtestApiServer(assets, directory, etcd, StartApiServer(assets, directory, etcd.Url, port, settings.ApiServerFlags), port, configuration);
                try
                {
                    await candidate.WaitUntilReadyAsync(cancellationToken).ConfigureAwait(false);
                    return candidate;
                }
                catch
                {
                    await candidate.apiServer.StopAsync().ConfigureAwait(false);
                    throw;
                }
            }).ConfigureAwait(false);
            if (settings.ControllerManager)
            {
                server.controllerManager = await ControllerManager.StartAsync(assets, server, cancellationToken).ConfigureAwait(false);
            }

            return server;
        }
        catch
        {
            if (server is not null)
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                await etcd.DisposeAsync().ConfigureAwait(false);
                TryDelete(directory);
            }

            throw;
        }
    }

    public KubernetesClientConfiguration ClientConfiguration() => configuration;

    /// <summary>
    /// Stops kube-apiserver and starts it again on the same port and etcd with <paramref name="flags"/>
    /// added. Clients keep their address; the restart fails loudly if the port was taken meanwhile.
    /// </summary>
    public async Task RestartApiServerAsync(IReadOnlyList<string> flags, CancellationToken cancellationToken)
    {
        await apiServer.StopAsync().ConfigureAwait(false);
        apiServer = StartApiServer(assets, Directory, etcd.Url, apiPort, flags);
        await WaitUntilReadyAsync(cancellationToken).ConfigureAwait(false);
    }

    // The operator finds the Gateway API kinds through discovery, so the install waits for every kind it watches.
    public Task InstallGatewayApiAsync(CancellationToken cancellationToken) =>
        InstallCrdsAsync(GatewayApiCrds.Files(), "gateway.networking.k8s.io", [("v1", "httproutes"), ("v1", "grpcroutes"), ("v1beta1", "referencegrants")], cancellationToken);

    public Task InstallReportApiAsync(string group, CancellationToken cancellationToken) => group switch
    {
        "wgpolicyk8s.io" => InstallCrdsAsync(GatewayApiCrds.Files(group), group, [("v1alpha2", "policyreports")], cancellationToken),
        "openreports.io" => InstallCrdsAsync(GatewayApiCrds.Files(group), group, [("v1alpha1", "reports")], cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, "Not a report API group."),
    };

    /// <summary>Applies the CRDs and waits until each of <paramref name="served"/> can be listed and is discovered.</summary>
    private async Task InstallCrdsAsync(IReadOnlyList<string> files, string group, IReadOnlyList<(string Version, string Plural)> served, CancellationToken cancellationToken)
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

        foreach (var (version, plural) in served)
        {
            await Poll.UntilAsync(async ct =>
            {
                var list = await client.CustomObjects.ListClusterCustomObjectAsync(group, version, plural, cancellationToken: ct).ConfigureAwait(false);
                return list is not null && await IsDiscoveredAsync(client, $"{group}/{version}", plural, ct).ConfigureAwait(false);
            }, $"the {plural}.{group} CRD is served and discovered", tolerate: error => error is HttpOperationException, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Discovery of a new CRD's group lags its REST endpoint by a moment (a 503 meanwhile); callers rely on both.</summary>
    private static async Task<bool> IsDiscoveredAsync(Kubernetes client, string groupVersion, string plural, CancellationToken cancellationToken)
    {
        using var response = await GetAsync(client, "/apis/" + groupVersion, cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode
            && KubernetesJson.Deserialize<V1APIResourceList>(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false))
                .Resources?.Any(resource => resource.Name == plural) == true;
    }

    private static async Task<HttpResponseMessage> GetAsync(Kubernetes client, string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(client.BaseUri.ToString().TrimEnd('/') + path));
        if (client.Credentials is not null)
        {
            await client.Credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }

        return await client.HttpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (controllerManager is not null)
        {
            await controllerManager.StopAsync().ConfigureAwait(false);
        }

        await apiServer.StopAsync().ConfigureAwait(false);
        await etcd.DisposeAsync().ConfigureAwait(false);
        TryDelete(Directory);
    }

    // A /16 Service range instead of envtest's /24: scale runs create 10,000 ClusterIP Services.
    private static ServerProcess StartApiServer(EnvtestAssets assets, string directory, string etcdUrl, int port, IReadOnlyList<string> flags) =>
        ServerProcess.Start(assets.KubeApiServer,
        [
            $"--etcd-servers={etcdUrl}", $"--cert-dir={Path.Combine(directory, "certs")}",
            $"--secure-port={port}", "--bind-address=127.0.0.1", "--advertise-address=127.0.0.1",
            "--service-cluster-ip-range=10.0.0.0/16", "--allow-privileged=true",
            "--authorization-mode=RBAC", $"--token-auth-file={Path.Combine(directory, "tokens.csv")}",
            $"--service-account-key-file={Path.Combine(directory, "sa.pub")}", $"--service-account-signing-key-file={Path.Combine(directory, "sa.key")}",
            "--service-account-issuer=https://kubernetes.default.svc", "--disable-admission-plugins=ServiceAccount",
            .. flags,
        ]);

    /// <summary>Ready when our own admin token is accepted: a foreign server on a reused port would refuse it.</summary>
    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var client = new Kubernetes(configuration);
        await Poll.UntilAsync(async ct =>
        {
            apiServer.ThrowIfExited("kube-apiserver");
            await client.CoreV1.ListNamespaceAsync(cancellationToken: ct).ConfigureAwait(false);
            // Until its post-start hooks finish, a fresh kube-apiserver answers discovery of a group it does
            // not serve with 503 instead of 404: wait for /readyz as well.
            using var ready = await GetAsync(client, "/readyz", ct).ConfigureAwait(false);
            return ready.IsSuccessStatusCode;
        }, "kube-apiserver answers and /readyz is ok", tolerate: error => error is HttpRequestException or HttpOperationException or TaskCanceledException,
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static void TryDelete(string directory)
    {
        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A straggling file handle only leaves a temp directory behind.
        }
    }
}
