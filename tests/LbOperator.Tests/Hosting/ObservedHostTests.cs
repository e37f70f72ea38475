using System.Globalization;
using System.Net;
using LbOperator.ApiEmulator;
using LbOperator.ApiEmulator.Backends;
using LbOperator.ApiEmulator.Waiting;
using LbOperator.Hosting;
using LbOperator.Operator.Observed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LbOperator.Tests.Hosting;

/// <summary>Observed-traffic settings as the host reads them, and a Prometheus that never answers.</summary>
public sealed class ObservedHostTests
{
    [Theory]
    [InlineData("not a url", "LbOperator:Observed:PrometheusUrl must be an absolute http(s) URL (got 'not a url').")]
    [InlineData("http://prometheus:9090", "LbOperator:Observed:Interval must be a duration of at least 1s, such as 1m or 00:01:00 (got 'often').")]
    public async Task A_bad_observed_option_fails_the_build_with_a_clear_message(string url, string message)
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        var settings = Settings(emulator, ["--prometheus-url", url, "--LbOperator:Observed:Interval", url.StartsWith("http", StringComparison.Ordinal) ? "often" : "1m"]).Settings;

        var error = Assert.Throws<OptionsValidationException>(() => LbOperatorHost.Create(settings));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_prometheus_url_flag_turns_the_feature_on_with_go_durations()
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        await using var app = LbOperatorHost.Create(Settings(emulator, ["--prometheus-url", "http://prometheus:9090", "--LbOperator:Observed:Interval", "30s"]).Settings);

        var options = app.Services.GetRequiredService<IOptions<ObservedOptions>>().Value;

        Assert.Equal(("http://prometheus:9090", TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5)), (options.PrometheusUrl, options.IntervalValue, options.WindowValue));
    }

    [Fact]
    public async Task An_unreachable_prometheus_is_counted_and_exported_and_readiness_does_not_depend_on_it()
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        var nobody = $"http://127.0.0.1:{PortCandidate.Next()}";
        var (app, ports) = await CandidatePortHost.StartAsync(
            () => Settings(emulator, ["--prometheus-url", nobody, "--LbOperator:Observed:Interval", "1s"]),
            chosen => LbOperatorHost.Create(chosen.Settings));
        await using var _ = app;
        var (health, metricsPort) = (ports.Health, ports.Metrics);
        var metrics = app.Services.GetRequiredService<ObservedMetrics>();
        using var http = new HttpClient();

        await Poll.UntilAsync(() => metrics.QueryErrors.WithLabels("cluster").Value >= 2, "two observed-traffic queries have failed");
        var ready = await http.GetAsync($"http://127.0.0.1:{health}/readyz");
        var exposition = await http.GetStringAsync($"http://127.0.0.1:{metricsPort}/metrics");
        await app.StopAsync();

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("lb_operator_observed_query_errors_total{query=\"cluster\"}", exposition, StringComparison.Ordinal);
        Assert.Contains("lb_operator_observed_last_success_timestamp_seconds 0", exposition, StringComparison.Ordinal);
    }

    private static (LbOperatorHostSettings Settings, int Health, int Metrics) Settings(KubeApiEmulator emulator, IReadOnlyList<string> args)
    {
        var health = PortCandidate.Next();
        var metrics = PortCandidate.Next();
        var values = new Dictionary<string, string?>
        {
            ["LbOperator:Ports:Health"] = health.ToString(CultureInfo.InvariantCulture),
            ["LbOperator:Ports:Metrics"] = metrics.ToString(CultureInfo.InvariantCulture),
            ["LbOperator:LeaderElection:Enabled"] = "false",
            ["LbOperator:Webhook:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Error",
        };
        return (new LbOperatorHostSettings { ClientConfiguration = emulator.ClientConfiguration(), Overrides = values, Args = args }, health, metrics);
    }
}
