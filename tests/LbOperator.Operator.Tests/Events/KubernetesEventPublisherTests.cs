using k8s.Autorest;
using LbOperator.Core.Model;
using LbOperator.Operator.Events;
using LbOperator.Operator.Metrics;
using LbOperator.Operator.Runtime;
using LbOperator.Operator.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Prometheus;

namespace LbOperator.Operator.Tests.Events;

public sealed class KubernetesEventPublisherTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 21, 0, 0, TimeSpan.Zero);

    private static readonly EventTarget Web = new(new ObjectRef(ObjectKind.Service, "shop", "web"), "v1", "uid-1", "42");

    private readonly FakeTimeProvider _time = new(Start);
    private readonly RecordingEventApi _api = new();
    private readonly Mock<ILeadership> _leadership = new();
    private readonly OperatorMetrics _metrics = new(Prometheus.Metrics.NewCustomRegistry());
    private readonly KubernetesEventPublisher _publisher;

    public KubernetesEventPublisherTests()
    {
        _leadership.Setup(leadership => leadership.IsLeader).Returns(true);
        _publisher = new KubernetesEventPublisher(
            _api.Client, new PassThroughWriteGate(), _leadership.Object, _time,
            new EventSource("lb-operator", "lb-operator-7d9f-abcde"), _metrics, NullLogger<KubernetesEventPublisher>.Instance);
    }

    [Fact]
    public async Task A_first_event_is_created_on_the_audited_object_by_lb_operator()
    {
        var result = await Publish("skew 3.0");

        Assert.Equal(PublishResult.Created, result);
        var created = Assert.Single(_api.Created);
        Assert.Equal($"web.{(Start.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100:x}", created.Metadata.Name);
        Assert.Equal("shop", created.Metadata.NamespaceProperty);
        Assert.Equal(("v1", "Service", "shop", "web", "uid-1", "42"), (created.InvolvedObject.ApiVersion, created.InvolvedObject.Kind,
            created.InvolvedObject.NamespaceProperty, created.InvolvedObject.Name, created.InvolvedObject.Uid, created.InvolvedObject.ResourceVersion));
        Assert.Equal(("Warning", "TrafficSkewed", "skew 3.0", 1), (created.Type, created.Reason, created.Message, created.Count));
        Assert.Equal("lb-operator", created.Source.Component);
        Assert.Equal(("lb-operator", "lb-operator-7d9f-abcde"), (created.ReportingComponent, created.ReportingInstance));
        Assert.Equal(Start.UtcDateTime, created.FirstTimestamp);
        Assert.Equal(1, _metrics.EventsEmitted.WithLabels("TrafficSkewed").Value);
    }

    [Fact]
    public async Task The_same_event_a_minute_later_bumps_the_count_of_the_existing_one()
    {
        await Publish("skew 3.0");
        _time.Advance(TimeSpan.FromMinutes(1));

        var result = await Publish("skew 3.0");

        Assert.Equal(PublishResult.Aggregated, result);
        Assert.Single(_api.Created);
        var (name, body) = Assert.Single(_api.Patches);
        Assert.Equal(_api.Created[0].Metadata.Name, name);
        Assert.Equal(2, body.GetProperty("count").GetInt32());
        Assert.Equal("2026-11-23T21:01:00Z", body.GetProperty("lastTimestamp").GetString());
    }

    [Fact]
    public async Task Repeats_within_a_minute_are_not_written_but_counted_in_the_next_write()
    {
        await Publish("skew 3.0");
        _time.Advance(TimeSpan.FromSeconds(20));
        var second = await Publish("skew 3.0");
        _time.Advance(TimeSpan.FromSeconds(20));
        var third = await Publish("skew 3.0");
        _time.Advance(TimeSpan.FromSeconds(20));

        await Publish("skew 3.0");

        Assert.Equal((PublishResult.Suppressed, PublishResult.Suppressed), (second, third));
        Assert.Equal(4, Assert.Single(_api.Patches).Body.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task A_different_message_is_a_new_event_at_once()
    {
        await Publish("skew 3.0");

        var result = await Publish("skew 4.0");

        Assert.Equal(PublishResult.Created, result);
        Assert.Equal(2, _api.Created.Count);
        Assert.NotEqual(_api.Created[0].Metadata.Name, _api.Created[1].Metadata.Name);
    }

    [Fact]
    public async Task An_expired_event_is_created_again_with_the_aggregated_count()
    {
        await Publish("skew 3.0");
        _api.Live.Clear();
        _time.Advance(TimeSpan.FromHours(2));

        var result = await Publish("skew 3.0");

        Assert.Equal(PublishResult.Created, result);
        Assert.Equal(2, _api.Created.Count);
        Assert.Equal(2, _api.Created[1].Count);
        Assert.Equal(Start.UtcDateTime, _api.Created[1].FirstTimestamp);
        Assert.NotEqual(_api.Created[0].Metadata.Name, _api.Created[1].Metadata.Name);
    }

    [Fact]
    public async Task A_replica_that_is_not_the_leader_writes_nothing()
    {
        _leadership.Setup(leadership => leadership.IsLeader).Returns(false);

        var result = await Publish("skew 3.0");

        Assert.Equal(PublishResult.NotLeader, result);
        Assert.Empty(_api.Created);
    }

    [Fact]
    public async Task Events_in_the_same_clock_tick_get_distinct_names()
    {
        await _publisher.PublishAsync(Web, EventTypes.Warning, EventReasons.TrafficSkewed, "skew 3.0", CancellationToken.None);
        await _publisher.PublishAsync(Web, EventTypes.Warning, EventReasons.SingleFailureDomain, "one node", CancellationToken.None);

        Assert.Equal(2, _api.Created.Select(created => created.Metadata.Name).Distinct().Count());
    }

    [Fact]
    public async Task A_long_message_is_cut_to_1024_characters()
    {
        await Publish(new string('x', 5000));

        Assert.Equal(1024, Assert.Single(_api.Created).Message.Length);
    }

    [Fact]
    public async Task A_failed_write_surfaces_and_is_not_remembered()
    {
        _api.FailWith = new HttpOperationException("throttled");
        await Assert.ThrowsAsync<HttpOperationException>(() => Publish("skew 3.0"));
        _api.FailWith = null;

        var result = await Publish("skew 3.0");

        Assert.Equal(PublishResult.Created, result);
        Assert.Single(_api.Created);
    }

    private Task<PublishResult> Publish(string message) =>
        _publisher.PublishAsync(Web, EventTypes.Warning, EventReasons.TrafficSkewed, message, CancellationToken.None);
}
