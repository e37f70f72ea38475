using LbOperator.Operator.Changes;

namespace LbOperator.Operator.Tests.Changes;

public sealed class ConfigDiffTests
{
    public static TheoryData<string?, string, string> Diffs => new()
    {
        { "type=ClusterIP;externalTrafficPolicy=Cluster", "type=ClusterIP;externalTrafficPolicy=Cluster", "" },
        { "type=ClusterIP;externalTrafficPolicy=Cluster", "type=ClusterIP;externalTrafficPolicy=Local", "externalTrafficPolicy: Cluster → Local" },
        { "type=ClusterIP", "type=LoadBalancer;trafficDistribution=PreferClose", "type: ClusterIP → LoadBalancer|trafficDistribution: (none) → PreferClose" },
        { "type=ClusterIP;selector=app=web", "type=ClusterIP", "selector: app=web → (none)" },
        { null, "type=ClusterIP;externalTrafficPolicy=Local", "" },
    };

    [Theory]
    [MemberData(nameof(Diffs))]
    public void Only_fields_whose_value_differs_are_changes(string? before, string after, string expected)
    {
        var changes = ConfigDiff.Compare(before is null ? null : Parse(before), Parse(after));

        Assert.Equal(expected, string.Join("|", changes.Select(change => $"{change.Field}: {change.Before ?? "(none)"} → {change.After ?? "(none)"}")));
    }

    [Theory]
    [InlineData(1.0, 3.0, "externalTrafficPolicy: Cluster → Local; skew 1.0 → 3.0")]
    [InlineData(1.4666, 1.0, "externalTrafficPolicy: Cluster → Local; skew 1.47 → 1.0")]
    [InlineData(null, 2.0, "externalTrafficPolicy: Cluster → Local; skew (none) → 2.0")]
    public void The_message_lists_the_changes_then_the_skew_before_and_after(double? before, double? after, string expected) =>
        Assert.Equal(expected, ConfigChangeMessage.Format([new ConfigFieldChange("externalTrafficPolicy", "Cluster", "Local")], before, after));

    [Fact]
    public void Without_any_skew_the_message_lists_only_the_changes() =>
        Assert.Equal(
            "rules[0]: web:80 weight 1 → web:80 weight 2; rules[1]: (none) → web:80 weight 1",
            ConfigChangeMessage.Format(
                [new ConfigFieldChange("rules[0]", "web:80 weight 1", "web:80 weight 2"), new ConfigFieldChange("rules[1]", null, "web:80 weight 1")],
                null,
                null));

    [Fact]
    public void A_long_change_list_is_cut_but_keeps_the_skew()
    {
        var changes = Enumerable.Range(0, 100)
            .Select(index => new ConfigFieldChange($"path host-{index}.example.com/", "web:80", "web-v2:80"))
            .ToList();

        var message = ConfigChangeMessage.Format(changes, 1.0, 3.0);

        Assert.Equal(1024, message.Length);
        Assert.EndsWith("…; skew 1.0 → 3.0", message, StringComparison.Ordinal);
    }

    private static LoadBalancingConfig Parse(string fields) =>
        new(fields.Split(';').Select(field => field.Split('=', 2)).Select(parts => new KeyValuePair<string, string>(parts[0], parts[1])));
}
