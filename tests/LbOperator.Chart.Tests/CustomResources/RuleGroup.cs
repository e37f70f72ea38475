namespace LbOperator.Chart.Tests.CustomResources;

public sealed class RuleGroup
{
    public string Name { get; set; } = "";

    public List<AlertingRule> Rules { get; set; } = [];
}
