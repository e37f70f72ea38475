namespace LbOperator.Chart.Tests.CustomResources;

public sealed class AlertingRule
{
    public string Alert { get; set; } = "";

    public string Expr { get; set; } = "";

    public string? For { get; set; }

    public Dictionary<string, string> Labels { get; set; } = [];

    public Dictionary<string, string> Annotations { get; set; } = [];
}
