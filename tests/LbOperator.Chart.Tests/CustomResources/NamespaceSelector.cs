namespace LbOperator.Chart.Tests.CustomResources;

/// <summary>prometheus-operator's namespace selector (names, not labels).</summary>
public sealed class NamespaceSelector
{
    public bool? Any { get; set; }

    public List<string>? MatchNames { get; set; }
}
