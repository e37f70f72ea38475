namespace LbOperator.Kubernetes.PolicyReports;

/// <summary>How the reports this tool writes are named and labelled, so they can be found and cleaned up.</summary>
public static class ReportIdentity
{
    /// <summary>One report per namespace, always with this name.</summary>
    public const string Name = "lb-operator";

    public const string ManagedByLabel = "app.kubernetes.io/managed-by";
    public const string CreatedByLabel = "app.kubernetes.io/created-by";
    public const string LabelValue = "lb-operator";

    /// <summary>Selects the reports this tool wrote.</summary>
    public const string LabelSelector = ManagedByLabel + "=" + LabelValue;

    public static IDictionary<string, string> Labels() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ManagedByLabel] = LabelValue,
        [CreatedByLabel] = LabelValue,
    };
}
