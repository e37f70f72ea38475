using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using k8s;

namespace LbOperator.Webhook.Tests.Support.Envtest;

/// <summary>
/// etcd plus kube-apiserver from <c>KUBEBUILDER_ASSETS</c> on loopback, with a static admin token and
/// no controllers: just enough for the API server to call admission webhooks.
/// </summary>
public sealed class KubeApiServer : IAsyncDisposable
{
    private const string Token = "lb-operator-envtest-admin";
    private readonly TempDirectory directory;
    private readonly Process etcd;
    private readonly Process apiServer;
    private readonly StringBuilder log;

    private KubeApiServer(TempDirectory directory, Process etcd, Process apiServer, StringBuilder log, Uri address)
    {
        this.directory = directory;
        this.etcd = etcd;
        this.apiServer = apiServer;
        this.log = log;
        Address = address;
        Client = new k8s.Kubernetes(new KubernetesClientConfiguration { Host = address.ToString(), AccessToken = Token, SkipTlsVerify = true });
    }

    public Uri Address { get; }

    public IKubernetes Client { get; }

    public string Log => log.ToString();

    public static async Task<KubeApiServer> StartAsync(string assets)
    {
        var directory = new TempDirectory();
        var log = new StringBuilder();
        var (etcdPort, peerPort, apiPort) = (FreePort(), FreePort(), FreePort());
        using (var serviceAccountKey = RSA.Create(2048))
        {
            File.WriteAllText(directory.File("sa.key"), serviceAccountKey.ExportRSAPrivateKeyPem());
            File.WriteAllText(directory.File("sa.pub"), serviceAccountKey.ExportSubjectPublicKeyInfoPem());
        }

        File.WriteAllText(directory.File("tokens.csv"), $"{Token},admin,admin-uid,system:masters\n");
        var etcd = Start(Path.Combine(assets, "etcd"), log,
            "--data-dir", directory.File("etcd"),
            "--listen-client-urls", $"http://127.0.0.1:{etcdPort}",
            "--advertise-client-urls", $"http://127.0.0.1:{etcdPort}",
            "--listen-peer-urls", $"http://127.0.0.1:{peerPort}",
            "--initial-advertise-peer-urls", $"http://127.0.0.1:{peerPort}",
            "--initial-cluster", $"default=http://127.0.0.1:{peerPort}",
            "--unsafe-no-fsync");
        var apiServer = Start(Path.Combine(assets, "kube-apiserver"), log,
            $"--etcd-servers=http://127.0.0.1:{etcdPort}",
            $"--cert-dir={directory.File("certs")}",
            $"--secure-port={apiPort}",
            "--bind-address=127.0.0.1",
            "--advertise-address=127.0.0.1",
            "--service-cluster-ip-range=10.0.0.0/24",
            "--service-account-issuer=https://localhost",
            $"--service-account-key-file={directory.File("sa.pub")}",
            $"--service-account-signing-key-file={directory.File("sa.key")}",
            $"--token-auth-file={directory.File("tokens.csv")}",
            "--authorization-mode=AlwaysAllow",
            "--disable-admission-plugins=ServiceAccount",
            "--allow-privileged=true");
        var server = new KubeApiServer(directory, etcd, apiServer, log, new Uri($"https://127.0.0.1:{apiPort}"));
        await server.WaitReadyAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in new[] { apiServer, etcd })
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }

        Client.Dispose();
        directory.Dispose();
    }

    private async Task WaitReadyAsync()
    {
        using var http = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true });
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (apiServer.HasExited || etcd.HasExited)
            {
                throw new InvalidOperationException($"kube-apiserver or etcd exited during start-up:\n{Log}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Address, "/readyz"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"kube-apiserver did not become ready in 90 s:\n{Log}");
    }

    private static Process Start(string binary, StringBuilder log, params string[] arguments)
    {
        var info = new ProcessStartInfo(binary) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {binary}");
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return process;
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            if (log.Length < 200_000)
            {
                log.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
