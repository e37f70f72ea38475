using LbOperator.Core.Analysis;

namespace LbOperator.Core.Tests.Analysis;

public sealed class RulesTests
{
    [Theory]
    [InlineData("LB001", "TrafficSkew", Severity.Warning)]
    [InlineData("LB002", "TrafficBlackholed", Severity.Error)]
    [InlineData("LB003", "InvalidWeights", Severity.Error)]
    [InlineData("LB004", "SingleFailureDomain", Severity.Warning)]
    [InlineData("LB005", "EndpointsNotReady", Severity.Warning)]
    [InlineData("LB006", "ClientAffinity", Severity.Info)]
    [InlineData("LB007", "ObservedTrafficSkew", Severity.Warning)]
    public void Each_rule_id_has_its_stable_name_and_default_severity(string id, string name, Severity severity)
    {
        var rule = Rules.Find(id);

        Assert.NotNull(rule);
        Assert.Equal(name, rule.Name);
        Assert.Equal(severity, rule.DefaultSeverity);
        Assert.False(string.IsNullOrWhiteSpace(rule.Description));
    }

    [Fact]
    public void The_catalogue_lists_the_seven_rules_in_id_order()
    {
        Assert.Equal(["LB001", "LB002", "LB003", "LB004", "LB005", "LB006", "LB007"], Rules.All.Select(r => r.Id));
        Assert.Null(Rules.Find("LB999"));
    }
}
