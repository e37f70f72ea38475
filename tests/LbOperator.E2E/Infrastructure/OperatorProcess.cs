using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using LbOperator.ApiEmulator.Backends;

namespace LbOperator.E2E.Infrastructure;

/// <summary>
/// The built <c>lb-operator run</c> as a separate process, configured by the chart's container environment
/// plus what a pod would get (POD_NAME, POD_NAMESPACE, the webhook certificate) and per-scenario
/// overrides. Its three ports are candidates (<see cref="RetryingStart"/>): it is started only when its
/// own log says it listens on all three, so a port race costs a retry and never goes unnoticed.
/// </summary>
internal sealed partial class OperatorProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private readonly ServerProcess process;
    private readonly ConcurrentQueue<string> log;

    private OperatorProcess(ServerProcess process, ConcurrentQueue<string> log, string identity, int metrics, int health, int webhook)
    {
        this.process = process;
        this.log = log;
        Identity = identity;
        MetricsPort = metrics;
        HealthPort = health;
        WebhookPort = webhook;
    }

    public string Identity { get; }

    public int MetricsPort { get; }

    public int HealthPort { get; }

    public int WebhookPort { get; }

    public string WebhookBaseUrl => $"https://127.0.0.1:{WebhookPort}";

    public IReadOnlyCollection<string> Log => log.ToArray();

    public bool HasExited => process.HasExited;

    public static Task<OperatorProcess> StartAsync(OperatorLaunch launch, string identity, CancellationToken cancellationToken) =>
        RetryingStart.RunAsync(async () =>
        {
            var (metrics, health, webhook) = (PortCandidate.Next(), PortCandidate.Next(), PortCandidate.Next());
            var environment = new Dictionary<string, string>(launch.Chart.ContainerEnvironment)
            {
                ["POD_NAME"] = identity,
                ["POD_NAMESPACE"] = RenderedChart.Namespace,
                ["LbOperator__Ports__Metrics"] = metrics.ToString(CultureInfo.InvariantCulture),
                ["LbOperator__Ports__Health"] = health.ToString(CultureInfo.InvariantCulture),
                ["LbOperator__Ports__Webhook"] = webhook.ToString(CultureInfo.InvariantCulture),
                ["LbOperator__LogFormat"] = "text",
                ["LbOperator__Webhook__CertFile"] = launch.CertFile,
                ["LbOperator__Webhook__KeyFile"] = launch.KeyFile,
            };
            foreach (var (name, value) in launch.Overrides)
            {
                environment[name] = value;
            }

            var log = new ConcurrentQueue<string>();
            var process = ServerProcess.Start(Repository.Executable, ["run", "--kubeconfig", launch.Kubeconfig], environment, log.Enqueue);
            var started = new OperatorProcess(process, log, identity, metrics, health, webhook);
            try
            {
                await Poll.UntilAsync(async ct =>
                {
                    process.ThrowIfExited($"lb-operator {identity}");
                    return started.ListensOnItsPorts() && await started.IsReadyAsync(ct);
                }, $"lb-operator {identity} listens on its ports and is ready", tolerate: error => error is HttpRequestException or TaskCanceledException,
                    cancellationToken: cancellationToken);
                return started;
            }
            catch
            {
                await process.StopAsync();
                throw;
            }
        });

    public async Task<string> MetricsAsync(CancellationToken cancellationToken = default) =>
        await Http.GetStringAsync($"http://127.0.0.1:{MetricsPort}/metrics", cancellationToken);

    /// <summary>The value of one sample of <paramref name="metric"/> whose labels include every given pair, or null when absent.</summary>
    public async Task<double?> SampleAsync(string metric, params (string Name, string Value)[] labels)
    {
        foreach (var line in (await MetricsAsync()).Split('\n'))
        {
            if (line.StartsWith(metric + "{", StringComparison.Ordinal)
                && labels.All(label => line.Contains($"{label.Name}=\"{label.Value}\"", StringComparison.Ordinal)))
            {
                return double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    /// <summary>SIGKILL: no shutdown hook runs, the Lease is not released.</summary>
    public Task KillAsync() => process.KillAsync();

    public ValueTask DisposeAsync() => new(process.StopAsync());

    private bool ListensOnItsPorts()
    {
        var listening = log.Select(line => ListeningOn().Match(line)).Where(match => match.Success)
            .Select(match => int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)).ToHashSet();
        return listening.Contains(MetricsPort) && listening.Contains(HealthPort) && listening.Contains(WebhookPort);
    }

    private async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        using var response = await Http.GetAsync($"http://127.0.0.1:{HealthPort}/readyz", cancellationToken);
        return response.IsSuccessStatusCode;
    }

    [GeneratedRegex(@"Now listening on: \S+:(\d+)\s*$")]
    private static partial Regex ListeningOn();
}
