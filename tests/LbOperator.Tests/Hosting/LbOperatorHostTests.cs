using System.Net;
using LbOperator.ApiEmulator;
using LbOperator.ApiEmulator.Backends;
using LbOperator.ApiEmulator.Waiting;
using LbOperator.Hosting;
using LbOperator.Operator.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Prometheus;
using k8s.Models;

namespace LbOperator.Tests.Hosting;

public sealed class LbOperatorHostTests
{
    private static (LbOperatorHostSettings Settings, int Health, int Metrics) Settings(KubeApiEmulator emulator, params (string Key, string? Value)[] overrides) =>
        Settings(emulator, (PortCandidate.Next(), PortCandidate.Next()), overrides);

    private static (LbOperatorHostSettings Settings, int Health, int Metrics) Settings(
        KubeApiEmulator emulator, (int Health, int Metrics) ports, params (string Key, string? Value)[] overrides)
    {
        var (health, metrics) = ports;
        var values = new Dictionary<string, string?>
        {
            ["LbOperator:Ports:Health"] = health.ToString(),
            ["LbOperator:Ports:Metrics"] = metrics.ToString(),
            ["LbOperator:LeaderElection:LeaseNamespace"] = "ops",
            ["LbOperator:LeaderElection:Identity"] = "pod-a",
            ["LbOperator:LeaderElection:LeaseDuration"] = "00:00:08",
            ["LbOperator:LeaderElection:RenewDeadline"] = "00:00:06",
            ["LbOperator:LeaderElection:RetryPeriod"] = "00:00:00.200",
            ["LbOperator:Webhook:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in overrides)
        {
            values[key] = value;
        }

        return (new LbOperatorHostSettings { ClientConfiguration = emulator.ClientConfiguration(), Overrides = values }, health, metrics);
    }

    [Theory]
    [InlineData("LbOperator:Workers", "0", "LbOperator:Workers must be at least 1 (got 0).")]
    [InlineData("LbOperator:Policy:WarnSkew", "3", "LbOperator:Policy:MaxSkew (2) must be at least LbOperator:Policy:WarnSkew (3).")]
    [InlineData("LbOperator:ResyncPeriod", "00:00:00", "LbOperator:ResyncPeriod must be positive (got 00:00:00).")]
    [InlineData("LbOperator:LeaderElection:RenewDeadline", "00:00:30", "LbOperator:LeaderElection:LeaseDuration (00:00:08) must be longer than RenewDeadline (00:00:30).")]
    [InlineData("LbOperator:Ports:Webhook", "8080", "LbOperator:Ports must be distinct")]
    public async Task A_bad_option_fails_the_build_with_a_clear_message(string key, string value, string message)
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        var (settings, _, _) = Settings(emulator, (key, value), ("LbOperator:Ports:Metrics", "8080"));

        var error = Assert.Throws<OptionsValidationException>(() => LbOperatorHost.Create(settings));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task The_host_syncs_audits_leads_serves_health_and_metrics_and_releases_the_lease_on_stop()
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        emulator.Objects.Apply(new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "shop" },
            Spec = new V1ServiceSpec { Selector = new Dictionary<string, string> { ["app"] = "web" } },
        });
        var (app, (health, metricsPort)) = await CandidatePortHost.StartAsync(
            () => (PortCandidate.Next(), PortCandidate.Next()), ports => LbOperatorHost.Create(Settings(emulator, ports).Settings));
        await using var _ = app;
        var metrics = app.Services.GetRequiredService<OperatorMetrics>();
        using var http = new HttpClient();

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"http://127.0.0.1:{health}/healthz")).StatusCode);
        await Poll.UntilAsync(() => metrics.LastFullAudit.Value > 0 && metrics.IsLeader.Value == 1, "the first full audit finished as leader");
        var ready = await http.GetAsync($"http://127.0.0.1:{health}/readyz");
        var exposition = await http.GetStringAsync($"http://127.0.0.1:{metricsPort}/metrics");
        var metricsOnHealthPort = await http.GetAsync($"http://127.0.0.1:{health}/metrics");
        var throughPortForward = await GetWithHostAsync(http, $"http://127.0.0.1:{metricsPort}/metrics", "localhost:9090");
        await app.StopAsync();

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("lb_operator_leader 1", exposition);
        Assert.Contains("lb_operator_workqueue_depth", exposition);
        Assert.Equal(HttpStatusCode.NotFound, metricsOnHealthPort.StatusCode);
        Assert.Equal(HttpStatusCode.OK, throughPortForward.StatusCode);
        Assert.Equal("", emulator.Objects.Get<V1Lease>("ops", "lb-operator")!.Spec.HolderIdentity);
    }

    [Fact]
    public async Task Readiness_fails_until_the_caches_have_synced()
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        emulator.Faults.Inject(LbOperator.ApiEmulator.Faults.FaultRule.ServerError("services", LbOperator.ApiEmulator.Faults.ApiVerb.List, count: int.MaxValue));
        var (app, (health, _)) = await CandidatePortHost.StartAsync(
            () => (PortCandidate.Next(), PortCandidate.Next()),
            ports => LbOperatorHost.Create(Settings(emulator, ports, ("LbOperator:LeaderElection:Enabled", "false")).Settings));
        await using var _ = app;
        using var http = new HttpClient();

        var notReady = await http.GetAsync($"http://127.0.0.1:{health}/readyz");
        emulator.Faults.Clear();
        await Poll.UntilAsync(() => http.GetAsync($"http://127.0.0.1:{health}/readyz").Result.StatusCode == HttpStatusCode.OK, "ready");
        await app.StopAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
    }

    /// <summary>What a request through <c>kubectl port-forward 9090:8080</c> looks like to the server.</summary>
    private static Task<HttpResponseMessage> GetWithHostAsync(HttpClient http, string url, string host)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Host = host;
        return http.SendAsync(request);
    }
}
