namespace LbOperator.Chart.Tests.Infrastructure;

/// <summary><c>promtool</c> from Debian's <c>prometheus</c> package (installed by <c>.ci/run</c>); null when absent.</summary>
public static class Promtool
{
    public const string MissingReason = "promtool is not on PATH (apt-get install prometheus); .ci/run installs it";

    public static string? Path { get; } =
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => System.IO.Path.Combine(directory, "promtool"))
            .FirstOrDefault(File.Exists);

    /// <summary>Runs promtool; give absolute paths (a rule test file names its rule files relative to itself).</summary>
    public static ProcessResult Run(params string[] arguments) =>
        ProcessRunner.Run(Path!, arguments, new Dictionary<string, string>());
}
