namespace LbOperator.Chart.Tests.CustomResources;

public sealed class PrometheusRuleSpec
{
    public List<RuleGroup> Groups { get; set; } = [];
}
