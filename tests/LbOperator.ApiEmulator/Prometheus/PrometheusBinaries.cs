namespace LbOperator.ApiEmulator.Prometheus;

/// <summary>Where <c>prometheus</c> and <c>promtool</c> are (Debian's package, installed by <c>.ci/run</c>); null when absent.</summary>
public static class PrometheusBinaries
{
    public const string MissingReason = "prometheus and promtool are not on PATH (apt-get install prometheus); .ci/run installs them";

    public static string? Prometheus { get; } = Find("prometheus");

    public static string? Promtool { get; } = Find("promtool");

    public static bool Present => Prometheus is not null && Promtool is not null;

    private static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
