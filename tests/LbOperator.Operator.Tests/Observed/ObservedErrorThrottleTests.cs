using LbOperator.Operator.Observed;
using Microsoft.Extensions.Time.Testing;

namespace LbOperator.Operator.Tests.Observed;

public sealed class ObservedErrorThrottleTests
{
    [Fact]
    public void The_first_failure_is_reported_then_at_most_one_a_minute_with_the_count_held_back()
    {
        var time = new FakeTimeProvider();
        var throttle = new ObservedErrorThrottle(time, TimeSpan.FromMinutes(1));
        var reported = new List<int>();

        for (var i = 0; i < 7; i++)
        {
            reported.Add(throttle.Failed());
            time.Advance(TimeSpan.FromSeconds(20));
        }

        Assert.Equal([1, 0, 0, 3, 0, 0, 3], reported);
    }
}
