using System.Diagnostics;

namespace LbOperator.ApiEmulator.Backends;

/// <summary>
/// The real control-plane binaries, found as controller-runtime's envtest finds them: the folder named by
/// <c>KUBEBUILDER_ASSETS</c>. When the variable is unset, the <c>shared/envtest</c> archive beside the
/// repository is unpacked (its <c>unpack</c> script checks the checksums), so a plain <c>dotnet test</c>
/// runs the envtest rows too. Only when neither exists are those rows skipped.
/// </summary>
public sealed record EnvtestAssets(string Etcd, string KubeApiServer, string KubeControllerManager)
{
    public const string Variable = "KUBEBUILDER_ASSETS";

    private static readonly Lazy<(string? Path, string? Problem)> Folder = new(FindFolder);

    public static string MissingReason =>
        $"Neither {Variable} nor a shared/envtest folder beside the repository exists; envtest runs are skipped.";

    /// <summary>True when a control plane is configured on this machine, so envtest rows must run (and fail if it is broken).</summary>
    public static bool Configured => Folder.Value.Path is not null;

    /// <summary>The binaries, or null when none are configured; throws when the configured folder lacks them.</summary>
    public static EnvtestAssets? FromEnvironment()
    {
        var (directory, problem) = Folder.Value;
        if (directory is null)
        {
            return null;
        }

        if (problem is not null)
        {
            throw new InvalidOperationException(problem);
        }

        var assets = new EnvtestAssets(
            Path.Combine(directory, "etcd"), Path.Combine(directory, "kube-apiserver"), Path.Combine(directory, "kube-controller-manager"));
        return File.Exists(assets.Etcd) && File.Exists(assets.KubeApiServer)
            ? assets
            : throw new FileNotFoundException($"{Variable}={directory} holds no etcd and kube-apiserver.");
    }

    private static (string? Path, string? Problem) FindFolder()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrEmpty(configured))
        {
            return (configured, null);
        }

        var root = RepositoryRoot();
        for (var dir = root?.Parent; dir is not null; dir = dir.Parent)
        {
            var unpack = Path.Combine(dir.FullName, "shared", "envtest", "unpack");
            if (File.Exists(unpack))
            {
                return Unpack(unpack, Path.Combine(root!.FullName, ".ci", "tools", "envtest"));
            }
        }

        return (null, null);
    }

    private static DirectoryInfo? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LbOperator.sln")))
            {
                return dir;
            }
        }

        return null;
    }

    /// <summary>Runs the archive's unpack script; a failure is kept as the reason every envtest run then fails with.</summary>
    private static (string? Path, string? Problem) Unpack(string script, string target)
    {
        var info = new ProcessStartInfo(script, [target]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info);
        if (process is null)
        {
            return (target, $"Could not run {script}.");
        }

        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? (output.Trim(), null)
            : (target, $"{script} failed with exit code {process.ExitCode}: {error.Result.Trim()}");
    }
}
