using LbOperator.Core.Model;
using LbOperator.Operator.Events;

namespace LbOperator.Operator.Tests.Events;

public sealed class EventAggregatorTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 21, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Past_its_capacity_the_least_recently_written_event_is_forgotten()
    {
        var aggregator = new EventAggregator();
        for (var index = 0; index <= EventAggregator.Capacity; index++)
        {
            var target = Target($"svc-{index}");
            var plan = aggregator.Plan(target, EventTypes.Warning, EventReasons.TrafficSkewed, "skew 3.0", Start.AddSeconds(index));
            aggregator.Written(target, EventTypes.Warning, EventReasons.TrafficSkewed, "skew 3.0", plan, Start.AddSeconds(index));
        }

        var later = Start.AddHours(1);
        Assert.Equal(EventPlanAction.Create, aggregator.Plan(Target("svc-0"), EventTypes.Warning, EventReasons.TrafficSkewed, "skew 3.0", later).Action);
        Assert.Equal(EventPlanAction.Patch, aggregator.Plan(Target("svc-1"), EventTypes.Warning, EventReasons.TrafficSkewed, "skew 3.0", later).Action);
    }

    [Fact]
    public void A_recreated_object_with_a_new_uid_gets_its_own_event()
    {
        var aggregator = new EventAggregator();
        var first = new EventTarget(new ObjectRef(ObjectKind.Service, "shop", "web"), "v1", "uid-1", "1");
        var plan = aggregator.Plan(first, EventTypes.Warning, EventReasons.TrafficSkewed, "skew 3.0", Start);
        aggregator.Written(first, EventTypes.Warning, EventReasons.TrafficSkewed, "skew 3.0", plan, Start);

        var recreated = first with { Uid = "uid-2" };

        Assert.Equal(EventPlanAction.Create, aggregator.Plan(recreated, EventTypes.Warning, EventReasons.TrafficSkewed, "skew 3.0", Start).Action);
    }

    private static EventTarget Target(string name) => new(new ObjectRef(ObjectKind.Service, "shop", name), "v1", $"uid-{name}", "1");
}
