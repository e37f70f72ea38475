using LbOperator.ApiEmulator.Backends;
using k8s;
using LbOperator.Hosting;
using LbOperator.Operator.Metrics;
using LbOperator.Operator.Publishing;
using LbOperator.Operator.Reports;
using LbOperator.Operator.Tests.Support;
using LbOperator.Runtime.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace LbOperator.Operator.Tests.Scenarios;

/// <summary>
/// The real process host (<see cref="LbOperatorHost"/>) against an API server, with small timings so
/// faults heal quickly: a 2 s watchdog, a 1 s full resync, a 1 s CRD check, sub-second lease timings and
/// a generous write rate so the token bucket never throttles the test.
/// </summary>
internal sealed class OperatorUnderTest : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OperatorUnderTest(WebApplication app) => _app = app;

    public OperatorMetrics Metrics => _app.Services.GetRequiredService<OperatorMetrics>();

    public MetricsExposition Exposition => _app.Services.GetRequiredService<MetricsExposition>();

    public PublishedStates States => _app.Services.GetRequiredService<PublishedStates>();

    public IServiceProvider Services => _app.Services;

    public ReportMetrics ReportMetrics => _app.Services.GetRequiredService<ReportMetrics>();

    /// <summary>Starts the host and waits until it leads and has finished its first full audit.</summary>
    /// <param name="settings">Extra configuration keys, e.g. <c>LbOperator:Reports:Enabled</c>.</param>
    /// <param name="startDeadline">How long the first full audit may take; <see cref="Poll.Deadline"/> unless given (large clusters).</param>
    /// <param name="args">Command-line flags, as the executable passes them.</param>
    /// <param name="configure">Replaces or adds services before the host is built.</param>
    public static async Task<OperatorUnderTest> StartAsync(KubernetesClientConfiguration cluster, IReadOnlyDictionary<string, string?>? settings = null,
        TimeSpan? startDeadline = null, IReadOnlyList<string>? args = null, Action<IServiceCollection>? configure = null)
    {
        var (app, _) = await CandidatePortHost.StartAsync(() => (PortCandidate.Next(), PortCandidate.Next()), ports => Create(cluster, ports, settings, args, configure));
        var operatorUnderTest = new OperatorUnderTest(app);
        await Poll.UntilAsync(
            () => operatorUnderTest.Metrics.IsLeader.Value == 1 && operatorUnderTest.Metrics.LastFullAudit.Value > 0,
            "the operator leads and has finished its first full audit", startDeadline ?? Poll.Deadline);
        return operatorUnderTest;
    }

    private static WebApplication Create(KubernetesClientConfiguration cluster, (int Health, int Metrics) ports, IReadOnlyDictionary<string, string?>? settings,
        IReadOnlyList<string>? args, Action<IServiceCollection>? configure)
    {
        var overrides = new Dictionary<string, string?>
        {
            ["LbOperator:Ports:Health"] = ports.Health.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LbOperator:Ports:Metrics"] = ports.Metrics.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LbOperator:WatchSilenceTimeout"] = "00:00:02",
            ["LbOperator:ResyncPeriod"] = "00:00:01",
            ["LbOperator:CrdCheckInterval"] = "00:00:01",
            ["LbOperator:Workers"] = "2",
            ["LbOperator:Api:Qps"] = "500",
            ["LbOperator:Api:Burst"] = "1000",
            ["LbOperator:LeaderElection:LeaseNamespace"] = "ops",
            ["LbOperator:LeaderElection:Identity"] = "scenario",
            ["LbOperator:LeaderElection:LeaseDuration"] = "00:00:08",
            ["LbOperator:LeaderElection:RenewDeadline"] = "00:00:06",
            ["LbOperator:LeaderElection:RetryPeriod"] = "00:00:00.200",
            ["LbOperator:Webhook:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        var builder = LbOperatorHost.CreateBuilder(new LbOperatorHostSettings { ClientConfiguration = cluster, Overrides = overrides, Args = args ?? [] });
        configure?.Invoke(builder.Services);
        return LbOperatorHost.Build(builder);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
