using k8s.Autorest;
using k8s.Models;
using LbOperator.ApiEmulator;
using LbOperator.ApiEmulator.Faults;
using LbOperator.ApiEmulator.Resources;
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

/// <summary>The publisher against the API emulator: what it creates and patches is what the API server stores.</summary>
public sealed class KubernetesEventPublisherTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 21, 0, 0, TimeSpan.Zero);

    private static readonly EventTarget Web = new(new ObjectRef(ObjectKind.Service, "shop", "web"), "v1", "uid-1", "42");

    private readonly FakeTimeProvider _time = new(Start);
    private readonly Mock<ILeadership> _leadership = new();
    private readonly OperatorMetrics _metrics = new(Prometheus.Metrics.NewCustomRegistry());
    private KubeApiEmulator _emulator = null!;
    private k8s.Kubernetes _client = null!;
    private KubernetesEventPublisher _publisher = null!;

    public async Task InitializeAsync()
    {
        _emulator = await KubeApiEmulator.StartAsync();
        _client = _emulator.CreateClient();
        _leadership.Setup(leadership => leadership.IsLeader).Returns(true);
        _publisher = new KubernetesEventPublisher(
            _client, new PassThroughWriteGate(), _leadership.Object, _time,
            new EventSource("lb-operator", "lb-operator-7d9f-abcde"), _metrics, NullLogger<KubernetesEventPublisher>.Instance);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task A_first_event_is_created_on_the_audited_object_by_lb_operator()
    {
        var result = await Publish("skew 3.0");

        Assert.Equal(PublishResult.Created, result);
        var created = Assert.Single(Stored());
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
        var stored = Assert.Single(Stored());
        Assert.Equal((1, 1), (Writes(ApiVerb.Create), Writes(ApiVerb.Patch)));
        Assert.Equal(2, stored.Count);
        Assert.Equal(Start.UtcDateTime.AddMinutes(1), stored.LastTimestamp);
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
        Assert.Equal(1, Writes(ApiVerb.Patch));
        Assert.Equal(4, Assert.Single(Stored()).Count);
    }

    [Fact]
    public async Task A_different_message_is_a_new_event_at_once()
    {
        await Publish("skew 3.0");

        var result = await Publish("skew 4.0");

        Assert.Equal(PublishResult.Created, result);
        Assert.Equal(2, Stored().Select(e => e.Metadata.Name).Distinct().Count());
    }

    [Fact]
    public async Task An_expired_event_is_created_again_with_the_aggregated_count()
    {
        await Publish("skew 3.0");
        var expired = Assert.Single(Stored()).Metadata.Name;
        _emulator.Objects.Delete<Corev1Event>("shop", expired);
        _time.Advance(TimeSpan.FromHours(2));

        var result = await Publish("skew 3.0");

        Assert.Equal(PublishResult.Created, result);
        var recreated = Assert.Single(Stored());
        Assert.Equal(2, recreated.Count);
        Assert.Equal(Start.UtcDateTime, recreated.FirstTimestamp);
        Assert.NotEqual(expired, recreated.Metadata.Name);
    }

    [Fact]
    public async Task A_replica_that_is_not_the_leader_writes_nothing()
    {
        _leadership.Setup(leadership => leadership.IsLeader).Returns(false);

        var result = await Publish("skew 3.0");

        Assert.Equal(PublishResult.NotLeader, result);
        Assert.Empty(Stored());
        Assert.Equal(0, Writes(ApiVerb.Create));
    }

    [Fact]
    public async Task Events_in_the_same_clock_tick_get_distinct_names()
    {
        await _publisher.PublishAsync(Web, EventTypes.Warning, EventReasons.TrafficSkewed, "skew 3.0", CancellationToken.None);
        await _publisher.PublishAsync(Web, EventTypes.Warning, EventReasons.SingleFailureDomain, "one node", CancellationToken.None);

        Assert.Equal(2, Stored().Select(created => created.Metadata.Name).Distinct().Count());
    }

    [Fact]
    public async Task A_long_message_is_cut_to_1024_characters()
    {
        await Publish(new string('x', 5000));

        Assert.Equal(1024, Assert.Single(Stored()).Message.Length);
    }

    [Fact]
    public async Task A_failed_write_surfaces_and_is_not_remembered()
    {
        _emulator.Faults.Inject(FaultRule.ServerError("events", ApiVerb.Create, count: 1));
        await Assert.ThrowsAsync<HttpOperationException>(() => Publish("skew 3.0"));

        var result = await Publish("skew 3.0");

        Assert.Equal(PublishResult.Created, result);
        Assert.Single(Stored());
    }

    private IReadOnlyList<Corev1Event> Stored() => _emulator.Objects.List<Corev1Event>("shop");

    private int Writes(ApiVerb verb) => _emulator.RequestCount(verb, ApiResourceCatalog.CoreEvents);

    private Task<PublishResult> Publish(string message) =>
        _publisher.PublishAsync(Web, EventTypes.Warning, EventReasons.TrafficSkewed, message, CancellationToken.None);
}
