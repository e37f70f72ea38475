using System.Collections.Concurrent;
using System.Diagnostics;
using LbOperator.ApiEmulator.Backends;

namespace LbOperator.ApiEmulator.Prometheus;

/// <summary>
/// A real Prometheus on 127.0.0.1 over a TSDB built from <see cref="OpenMetricsSeries"/> with
/// <c>promtool tsdb create-blocks-from openmetrics</c>. It scrapes nothing: queries at the series'
/// times always give the same answer. A port taken between choosing and binding is retried with
/// another. Everything is removed on dispose.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private const int BindAttempts = 5;

    private readonly string _directory;
    private Process? _process;
    private readonly ConcurrentQueue<string> _output = new();

    private PrometheusServer(string directory, Uri url)
    {
        _directory = directory;
        Url = url;
    }

    public Uri Url { get; private set; }

    public static async Task<PrometheusServer> StartAsync(OpenMetricsSeries series)
    {
        var directory = Directory.CreateTempSubdirectory("lb-operator-prometheus-").FullName;
        var input = Path.Combine(directory, "series.om");
        await File.WriteAllTextAsync(input, series.ToText());
        var data = Path.Combine(directory, "data");
        await RunToEndAsync(PrometheusBinaries.Promtool!, "tsdb", "create-blocks-from", "openmetrics", input, data);
        var config = Path.Combine(directory, "prometheus.yml");
        await File.WriteAllTextAsync(config, "global:\n  scrape_interval: 1m\n");

        var server = new PrometheusServer(directory, new Uri("http://127.0.0.1/"));
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var port = PortCandidate.Next();
                server.Url = new Uri($"http://127.0.0.1:{port}/");
                server.Start(config, data, port);
                if (await server.WaitUntilReadyAsync())
                {
                    return server;
                }

                if (attempt == BindAttempts || !server.Tail().Contains("address already in use", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"prometheus did not start:\n{server.Tail()}");
                }
            }
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the server, keeping its data: Prometheus is then "down" for the client.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public string Tail() => string.Join('\n', _output);

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temp directory behind.
        }
    }

    private void Start(string config, string data, int port)
    {
        _process?.Dispose();
        var info = new ProcessStartInfo(PrometheusBinaries.Prometheus!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            $"--config.file={config}", $"--storage.tsdb.path={data}", $"--web.listen-address=127.0.0.1:{port}",
            "--storage.tsdb.retention.time=3650d", "--log.level=warn",
        })
        {
            info.ArgumentList.Add(argument);
        }

        _process = new Process { StartInfo = info };
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>False when the process exited (a port clash, say); throws at the deadline.</summary>
    private async Task<bool> WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                return false;
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Url, "-/ready"));
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting; ask again.
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Gave up waiting until prometheus is ready at {Url}:\n{Tail()}");
    }

    private static async Task RunToEndAsync(string executable, params string[] arguments)
    {
        var info = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(executable)} {string.Join(' ', arguments)} failed:\n{await output}\n{await error}");
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 40)
        {
            _output.TryDequeue(out _);
        }
    }
}
