using k8s;
using LbOperator.ApiEmulator.Backends;
using LbOperator.ApiEmulator.Certificates;

namespace LbOperator.E2E.Infrastructure;

/// <summary>
/// One scenario's world: etcd, kube-apiserver and kube-controller-manager; the chart's ServiceAccount and
/// RBAC applied; a kubeconfig holding a TokenRequest token of that ServiceAccount; a webhook serving
/// certificate for 127.0.0.1; and the operator replicas started so far.
/// </summary>
internal sealed class Installation : IAsyncDisposable
{
    private readonly TestCertificateAuthority authority;
    private readonly List<OperatorProcess> replicas = [];

    private Installation(EnvtestApiServer server, RenderedChart chart, TestCertificateAuthority authority, OperatorLaunch launch)
    {
        Server = server;
        Chart = chart;
        this.authority = authority;
        Launch = launch;
        Admin = new k8s.Kubernetes(server.ClientConfiguration());
    }

    public EnvtestApiServer Server { get; }

    public IKubernetes Admin { get; }

    public RenderedChart Chart { get; }

    public OperatorLaunch Launch { get; }

    public IReadOnlyList<OperatorProcess> Replicas => replicas;

    /// <param name="overrides">Operator settings as environment variables, e.g. <c>LbOperator__CrdCheckInterval</c>.</param>
    public static async Task<Installation> StartAsync(IReadOnlyDictionary<string, string>? overrides = null, EnvtestSettings? settings = null)
    {
        var assets = EnvtestAssets.FromEnvironment() ?? throw new InvalidOperationException(EnvtestAssets.MissingReason);
        var chart = await RenderedChart.RenderAsync(CancellationToken.None);
        var server = await EnvtestApiServer.StartAsync(assets, (settings ?? new EnvtestSettings()) with { ControllerManager = true }, CancellationToken.None);
        var authority = new TestCertificateAuthority();
        try
        {
            using var admin = new k8s.Kubernetes(server.ClientConfiguration());
            await ChartInstallation.ApplyServiceAccountAndRbacAsync(admin, chart, CancellationToken.None);
            var token = await ChartInstallation.ServiceAccountTokenAsync(admin, chart, CancellationToken.None);
            var kubeconfig = Kubeconfig.Write(Path.Combine(server.Directory, "lb-operator.kubeconfig"), server.ClientConfiguration().Host!, token);
            var (certFile, keyFile) = (Path.Combine(server.Directory, "webhook.crt"), Path.Combine(server.Directory, "webhook.key"));
            authority.IssueTo(certFile, keyFile);
            var launch = new OperatorLaunch(chart, kubeconfig, certFile, keyFile, overrides ?? new Dictionary<string, string>());
            return new Installation(server, chart, authority, launch);
        }
        catch
        {
            authority.Dispose();
            await server.DisposeAsync();
            throw;
        }
    }

    public async Task<OperatorProcess> StartReplicaAsync(string identity)
    {
        var replica = await OperatorProcess.StartAsync(Launch, identity, CancellationToken.None);
        replicas.Add(replica);
        return replica;
    }

    /// <summary>Applies the chart's ValidatingWebhookConfiguration pointing at <paramref name="replica"/>.</summary>
    public Task RegisterWebhookAsync(OperatorProcess replica) =>
        ChartInstallation.ApplyWebhookAsync(Admin, Chart, replica.WebhookBaseUrl, authority.CaPem, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in replicas)
        {
            await replica.DisposeAsync();
        }

        Admin.Dispose();
        authority.Dispose();
        await Server.DisposeAsync();
    }
}
