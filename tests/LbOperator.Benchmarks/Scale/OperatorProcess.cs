using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace LbOperator.Benchmarks.Scale;

/// <summary>The built <c>lb-operator run</c> as a separate process, read through its <c>/metrics</c> and <c>/proc</c>.</summary>
internal sealed partial class OperatorProcess : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(10);

    private readonly Process _process;
    private readonly HttpClient _http = new();
    private readonly Uri _metrics;
    private readonly long _started;
    private readonly DateTimeOffset _startedAt;

    private OperatorProcess(Process process, int metricsPort, long started, DateTimeOffset startedAt)
    {
        _process = process;
        _metrics = new Uri($"http://127.0.0.1:{metricsPort}/metrics");
        _started = started;
        _startedAt = startedAt;
    }

    public static OperatorProcess Start(string executable, string kubeconfig, int metricsPort, int healthPort, string logFile)
    {
        var info = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "run", "--kubeconfig", kubeconfig, "--LbOperator:Webhook:Enabled", "false", "--lease-namespace", "default",
            "--metrics-port", metricsPort.ToString(CultureInfo.InvariantCulture), "--health-port", healthPort.ToString(CultureInfo.InvariantCulture),
            "--resync-period", "1h", "--LbOperator:ExcludedNamespaces:0", "kube-system",
            "--Logging:LogLevel:Microsoft.AspNetCore", "Warning",
        })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["POD_NAME"] = $"lb-operator-bench-{Environment.ProcessId}";
        var startedAt = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        var process = Process.Start(info) ?? throw new InvalidOperationException($"{executable} did not start");
        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new OperatorProcess(process, metricsPort, started, startedAt);
    }

    public int Id => _process.Id;

    /// <summary>
    /// From process start until <c>lb_operator_last_full_audit_timestamp_seconds</c> is set: every object
    /// reconciled, every series published. <c>Completed</c> is the gauge's own time (millisecond resolution,
    /// the same clock as the start); <c>Seen</c> is when a scrape first showed it, which adds up to one poll interval.
    /// </summary>
    public async Task<(TimeSpan Completed, TimeSpan Seen)> FirstFullAuditAsync()
    {
        while (true)
        {
            var metrics = await TryScrapeAsync();
            if (metrics is not null && Value(metrics, "lb_operator_last_full_audit_timestamp_seconds") is var stamp and > 0)
            {
                var seen = Stopwatch.GetElapsedTime(_started);
                return (DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(stamp * 1000)) - _startedAt, seen);
            }

            await WaitAsync("the first full audit");
        }
    }

    /// <summary>Waits until the replica leads and its Event writer has been quiet (no new Event) for <paramref name="quiet"/>.</summary>
    public async Task SettledAsync(TimeSpan quiet)
    {
        var last = -1.0;
        var since = Stopwatch.GetTimestamp();
        while (true)
        {
            var metrics = await TryScrapeAsync() ?? "";
            var written = Sum(metrics, "lb_operator_events_total") + Value(metrics, "lb_operator_events_dropped_total");
            if (written != last || Value(metrics, "lb_operator_leader") != 1)
            {
                (last, since) = (written, Stopwatch.GetTimestamp());
            }
            else if (Stopwatch.GetElapsedTime(since) >= quiet)
            {
                return;
            }

            await WaitAsync("the Event writer to settle");
        }
    }

    public async Task<double> MetricAsync(string name) => Sum(await TryScrapeAsync() ?? "", name);

    /// <summary>Lets the operator run for <paramref name="duration"/> while it is scraped every <paramref name="interval"/>, as Prometheus would.</summary>
    public async Task RunScrapedAsync(TimeSpan duration, TimeSpan interval)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) + interval <= duration)
        {
            await Task.Delay(interval);
            await TryScrapeAsync();
        }

        await Task.Delay(duration - Stopwatch.GetElapsedTime(started) is { Ticks: > 0 } rest ? rest : TimeSpan.Zero);
    }

    /// <summary>VmRSS of the process, in MiB.</summary>
    public double ResidentMegabytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return double.Parse(Digits().Match(line).Value, CultureInfo.InvariantCulture) / 1024;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM, as the kubelet stops a pod: the operator drains and releases its lease.
            Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])?.WaitForExit();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(40));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
        _http.Dispose();
    }

    private async Task<string?> TryScrapeAsync()
    {
        try
        {
            return await _http.GetStringAsync(_metrics);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private async Task WaitAsync(string what)
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"lb-operator exited with {_process.ExitCode} while waiting for {what}.");
        }

        if (Stopwatch.GetElapsedTime(_started) > Deadline)
        {
            throw new TimeoutException($"Gave up waiting for {what}.");
        }

        // About as often as a short Prometheus scrape interval; faster polling would measure the scrapes.
        await Task.Delay(TimeSpan.FromSeconds(1));
    }

    private static double Value(string metrics, string name) =>
        Series(metrics, name).FirstOrDefault();

    private static double Sum(string metrics, string name) => Series(metrics, name).Sum();

    private static IEnumerable<double> Series(string metrics, string name) =>
        metrics.Split('\n')
            .Where(line => line.StartsWith(name, StringComparison.Ordinal) && (line.Length == name.Length || line[name.Length] is ' ' or '{'))
            .Select(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
