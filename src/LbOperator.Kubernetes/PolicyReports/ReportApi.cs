namespace LbOperator.Kubernetes.PolicyReports;

/// <summary>
/// A report API the ecosystem reads (Policy Reporter, kubectl): the wgpolicyk8s.io <c>PolicyReport</c>
/// and its successor, the openreports.io <c>Report</c>. Both share one schema.
/// </summary>
/// <param name="Name">The name users choose it by (<c>--report-api</c>).</param>
public sealed record ReportApi(string Name, string Group, string Version, string Plural, string Kind)
{
    public static ReportApi PolicyReport { get; } = new("wgpolicyk8s", "wgpolicyk8s.io", "v1alpha2", "policyreports", "PolicyReport");

    public static ReportApi OpenReports { get; } = new("openreports", "openreports.io", "v1alpha1", "reports", "Report");

    public static IReadOnlyList<ReportApi> All { get; } = [PolicyReport, OpenReports];

    public string ApiVersion => $"{Group}/{Version}";

    /// <summary><c>plural.group</c>, as RBAC and metrics name it.</summary>
    public string Resource => $"{Plural}.{Group}";

    public static ReportApi? Find(string name) => All.FirstOrDefault(api => string.Equals(api.Name, name, StringComparison.Ordinal));

    public override string ToString() => Resource;
}
