using System.Collections.Concurrent;
using System.Diagnostics;

namespace LbOperator.ApiEmulator.Backends;

/// <summary>
/// A child server process whose output is kept (the last lines, and whether it ever reported a taken
/// port) for start-up decisions and failure messages.
/// </summary>
public sealed class ServerProcess
{
    private const int KeptLines = 60;

    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();
    private readonly Action<string>? onLine;
    private volatile bool portTaken;

    private ServerProcess(Process process, Action<string>? onLine)
    {
        this.process = process;
        this.onLine = onLine;
    }

    public bool HasExited => process.HasExited;

    public int Id => process.Id;

    /// <summary>True once the process said a port was in use (Go servers and Kestrel both say "address already in use").</summary>
    public bool PortTaken => portTaken;

    public static ServerProcess Start(string executable, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null,
        Action<string>? onLine = null)
    {
        var info = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info };
        var server = new ServerProcess(process, onLine);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    public string Tail() => $"{Path.GetFileName(process.StartInfo.FileName)}:\n{string.Join('\n', output)}";

    /// <summary>Throws when the process has exited: <see cref="PortTakenException"/> for a taken port, else with its last output.</summary>
    public void ThrowIfExited(string what)
    {
        if (!process.HasExited)
        {
            return;
        }

        process.WaitForExit();
        throw portTaken
            ? new PortTakenException($"{what} could not bind its port.")
            : new InvalidOperationException($"{what} exited with code {process.ExitCode}:\n{Tail()}");
    }

    /// <summary>SIGKILL, as a crashed or evicted process ends: no shutdown hook runs.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    public async Task StopAsync()
    {
        await KillAsync().ConfigureAwait(false);
        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            portTaken = true;
        }

        onLine?.Invoke(line);
        output.Enqueue(line);
        while (output.Count > KeptLines)
        {
            output.TryDequeue(out _);
        }
    }
}
