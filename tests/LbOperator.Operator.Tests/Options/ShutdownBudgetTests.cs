using LbOperator.Operator.Options;

namespace LbOperator.Operator.Tests.Options;

public sealed class ShutdownBudgetTests
{
    [Theory]
    [InlineData(25, 20, 5)]
    [InlineData(55, 50, 5)]
    [InlineData(10, 8, 2)]
    [InlineData(5, 4, 1)]
    public void Drain_and_lease_release_share_the_shutdown_timeout_and_never_exceed_it(int timeout, int drain, int release)
    {
        var budget = ShutdownBudget.Of(TimeSpan.FromSeconds(timeout));

        Assert.Equal((TimeSpan.FromSeconds(drain), TimeSpan.FromSeconds(release)), (budget.Drain, budget.LeaseRelease));
        Assert.Equal(TimeSpan.FromSeconds(timeout), budget.Total);
    }

    [Fact]
    public void The_default_shutdown_timeout_leaves_five_seconds_of_the_default_thirty_second_grace_period()
    {
        Assert.Equal(TimeSpan.FromSeconds(25), new OperatorOptions().ShutdownTimeout);
    }
}
