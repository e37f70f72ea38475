using LbOperator.Kubernetes.Observed;

namespace LbOperator.Kubernetes.Tests.Observed;

public sealed class ObservedQueryPlannerTests
{
    [Theory]
    [InlineData(null, 2, "a/1,a/2")]
    [InlineData("a/2", 2, "a/3,b/1")]
    [InlineData("b/1", 2, "b/2,a/1")]
    [InlineData("b/2", 2, "a/1,a/2")]
    [InlineData("gone/9", 2, "a/1,a/2")]
    [InlineData("a/0", 2, "a/1,a/2")]
    [InlineData(null, 10, "a/1,a/2,a/3,b/1,b/2")]
    [InlineData(null, 0, "")]
    public void Services_take_turns_in_a_stable_order_at_most_max_per_interval(string? after, int max, string expected)
    {
        var batch = ObservedQueryPlanner.NextBatch(["b/2", "a/1", "a/3", "b/1", "a/2"], after, max);

        Assert.Equal(expected, string.Join(",", batch));
    }

    [Fact]
    public void Every_service_is_queried_within_ceil_n_over_max_intervals()
    {
        var services = Enumerable.Range(0, 10_000).Select(i => $"ns-{i % 100}/svc-{i}").ToList();
        var seen = new HashSet<string>();
        string? cursor = null;
        for (var interval = 0; interval < 200; interval++)
        {
            var batch = ObservedQueryPlanner.NextBatch(services, cursor, 50);
            Assert.Equal(50, batch.Count);
            seen.UnionWith(batch);
            cursor = batch[^1];
        }

        Assert.Equal(10_000, seen.Count);
    }
}
