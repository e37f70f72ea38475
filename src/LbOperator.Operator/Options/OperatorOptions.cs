using LbOperator.Runtime.Writes;

namespace LbOperator.Operator.Options;

/// <summary>The <c>LbOperator</c> configuration section (appsettings, <c>LbOperator__X</c> env vars, flags).</summary>
public sealed class OperatorOptions
{
    public const string SectionName = "LbOperator";

    /// <summary>Namespaces to watch; empty = all.</summary>
    public List<string> WatchNamespaces { get; set; } = [];

    /// <summary>Namespaces ignored entirely; <c>kube-system</c> when the key is absent.</summary>
    public List<string> ExcludedNamespaces { get; set; } = [];

    public TimeSpan ResyncPeriod { get; set; } = TimeSpan.FromMinutes(10);

    public int Workers { get; set; } = 4;

    /// <summary>A watch that receives nothing (not even a bookmark) for this long is restarted.</summary>
    public TimeSpan WatchSilenceTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often to check whether the HTTPRoute CRD has appeared or gone.</summary>
    public TimeSpan CrdCheckInterval { get; set; } = TimeSpan.FromMinutes(3);

    public ApiOptions Api { get; set; } = new();

    public LeaderElectionOptions LeaderElection { get; set; } = new();

    public PortOptions Ports { get; set; } = new();

    public ReportsOptions Reports { get; set; } = new();

    /// <summary>
    /// Everything after SIGTERM (drain, then lease release) fits in this; keep it at least 5 s under the pod's
    /// <c>terminationGracePeriodSeconds</c> (the chart derives it from that). See <see cref="ShutdownBudget"/>.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary><c>text</c> or <c>json</c> console logs.</summary>
    public string LogFormat { get; set; } = "text";
}
