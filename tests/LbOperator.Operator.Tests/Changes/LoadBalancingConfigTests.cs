using LbOperator.Operator.Changes;

namespace LbOperator.Operator.Tests.Changes;

public sealed class LoadBalancingConfigTests
{
    private static readonly LoadBalancingConfig Config = new(
    [
        new("type", "LoadBalancer"),
        new("externalTrafficPolicy", "Local"),
        new("selector", "app=web"),
    ]);

    [Theory]
    [InlineData("type", "LoadBalancer")]
    [InlineData("externalTrafficPolicy", "Local")]
    [InlineData("selector", "app=web")]
    [InlineData("ports", null)]
    [InlineData("Type", null)]
    public void A_field_reads_its_value_and_an_absent_field_reads_null(string field, string? expected) =>
        Assert.Equal(expected, Config[field]);

    [Fact]
    public void Fields_keep_the_order_they_were_written_in() =>
        Assert.Equal(["type", "externalTrafficPolicy", "selector"], Config.Fields.Select(pair => pair.Key));

    [Fact]
    public void A_field_written_twice_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new LoadBalancingConfig([new("type", "ClusterIP"), new("ports", "80/TCP:80"), new("type", "LoadBalancer")]));

        Assert.Contains("'type' appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_empty_config_has_no_fields() =>
        Assert.Equal((0, null), (LoadBalancingConfig.Empty.Fields.Count, LoadBalancingConfig.Empty["type"]));
}
