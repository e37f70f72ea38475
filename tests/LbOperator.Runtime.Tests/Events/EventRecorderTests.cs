using LbOperator.ApiEmulator.Faults;
using LbOperator.Runtime.Events;
using LbOperator.Runtime.Tests.Fakes;
using static LbOperator.Runtime.Tests.Events.RecorderFixture;

namespace LbOperator.Runtime.Tests.Events;

public sealed class EventRecorderTests : IAsyncLifetime
{
    private RecorderFixture _fixture = null!;

    public async Task InitializeAsync() => _fixture = await RecorderFixture.StartAsync();

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task A_finding_is_created_on_the_audited_object_by_lb_operator()
    {
        var recorder = await _fixture.RecorderAsync(new SettableLeadership { IsLeader = true });

        recorder.Audit(Web, [Skewed()], [EventReasons.TrafficSkewed]);
        await IdleAsync(recorder);

        var created = Assert.Single(_fixture.Events);
        Assert.Equal($"web.{(Start.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100:x}", created.Metadata.Name);
        Assert.Equal(("v1", "Service", "shop", "web", "uid-1", "42"), (created.InvolvedObject.ApiVersion, created.InvolvedObject.Kind,
            created.InvolvedObject.NamespaceProperty, created.InvolvedObject.Name, created.InvolvedObject.Uid, created.InvolvedObject.ResourceVersion));
        Assert.Equal(("Warning", "TrafficSkewed", "skew 3.0", 1), (created.Type, created.Reason, created.Message, created.Count));
        Assert.Equal(("lb-operator", "lb-operator", "lb-operator-7d9f-abcde"), (created.Source.Component, created.ReportingComponent, created.ReportingInstance));
        Assert.Equal(1, _fixture.Metrics.Emitted.WithLabels("TrafficSkewed").Value);
    }

    [Fact]
    public async Task The_same_event_a_minute_later_bumps_the_count_of_the_existing_one()
    {
        var recorder = await _fixture.RecorderAsync(new SettableLeadership { IsLeader = true });
        recorder.Audit(Web, [Skewed()], null);
        await IdleAsync(recorder);
        _fixture.Time.Advance(TimeSpan.FromMinutes(1));

        recorder.Audit(Web, [Skewed()], null);
        await IdleAsync(recorder);

        var bumped = Assert.Single(_fixture.Events);
        Assert.Equal(2, bumped.Count);
        Assert.Equal(Start.AddMinutes(1).UtcDateTime, bumped.LastTimestamp);
    }

    [Fact]
    public async Task Repeats_within_a_minute_are_not_written_but_counted_in_the_next_write()
    {
        var recorder = await _fixture.RecorderAsync(new SettableLeadership { IsLeader = true });
        foreach (var _ in Enumerable.Range(0, 3))
        {
            recorder.Audit(Web, [Skewed()], null);
            await IdleAsync(recorder);
            Assert.Equal(1, Assert.Single(_fixture.Events).Count);
            _fixture.Time.Advance(TimeSpan.FromSeconds(20));
        }

        recorder.Audit(Web, [Skewed()], null);
        await IdleAsync(recorder);

        Assert.Equal(4, Assert.Single(_fixture.Events).Count);
    }

    [Fact]
    public async Task An_expired_event_is_created_again_with_the_aggregated_count()
    {
        var recorder = await _fixture.RecorderAsync(new SettableLeadership { IsLeader = true });
        recorder.Audit(Web, [Skewed()], null);
        await IdleAsync(recorder);
        _fixture.Emulator.Objects.Delete<k8s.Models.Corev1Event>("shop", _fixture.Events[0].Metadata.Name);
        _fixture.Time.Advance(TimeSpan.FromHours(2));

        recorder.Audit(Web, [Skewed()], null);
        await IdleAsync(recorder);

        var recreated = Assert.Single(_fixture.Events);
        Assert.Equal((2, Start.UtcDateTime), (recreated.Count, recreated.FirstTimestamp));
    }

    [Fact]
    public async Task A_non_leader_holds_audit_events_back_and_writes_them_once_it_leads()
    {
        var leadership = new SettableLeadership();
        var recorder = await _fixture.RecorderAsync(leadership);
        recorder.Audit(Web, [Skewed()], [EventReasons.TrafficSkewed]);
        await IdleAsync(recorder);
        Assert.Empty(_fixture.Events);

        leadership.Gain();
        await Poll.UntilAsync(() => _fixture.Events.Count == 1, "the held-back Event is written");
        await IdleAsync(recorder);

        Assert.Equal("skew 3.0", Assert.Single(_fixture.Events).Message);
    }

    [Fact]
    public async Task A_new_leader_lists_earlier_events_only_once_the_first_audit_has_completed()
    {
        var audit = new SettableAuditProgress();
        var listings = 0;
        var recorder = await _fixture.RecorderAsync(new SettableLeadership { IsLeader = true }, _ => Interlocked.Increment(ref listings), audit);
        recorder.Audit(Web, [Skewed()], [EventReasons.TrafficSkewed]);
        await Poll.UntilAsync(() => audit.Waiting > 0, "the recorder waits for the first audit");
        _fixture.Time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal((0, 0), (Volatile.Read(ref listings), _fixture.Events.Count));

        audit.Complete();
        await Poll.UntilAsync(() => _fixture.Events.Count == 1, "the held-back Event is written after the listing");
        await IdleAsync(recorder);

        Assert.Equal(1, Volatile.Read(ref listings));
    }

    [Fact]
    public async Task A_restart_writes_no_event_and_bumps_no_count_for_a_finding_already_announced()
    {
        await AnnouncedByAStoppedLeaderAsync();

        var restarted = await _fixture.RecorderAsync(new SettableLeadership { IsLeader = true });
        restarted.Audit(Web, [Skewed()], [EventReasons.TrafficSkewed]);
        await IdleAsync(restarted);

        Assert.Equal(1, Assert.Single(_fixture.Events).Count);
        Assert.Equal(1, _fixture.Metrics.Emitted.WithLabels("TrafficSkewed").Value);
    }

    [Fact]
    public async Task A_finding_that_changed_while_no_leader_ran_gets_exactly_one_event()
    {
        await AnnouncedByAStoppedLeaderAsync();

        var restarted = await _fixture.RecorderAsync(new SettableLeadership { IsLeader = true });
        restarted.Audit(Web, [Skewed("skew 4.0")], [EventReasons.TrafficSkewed]);
        await IdleAsync(restarted);

        Assert.Equal(["skew 3.0", "skew 4.0"], _fixture.Events.Select(item => item.Message));
    }

    [Fact]
    public async Task A_finding_that_went_away_while_no_leader_ran_gets_exactly_one_traffic_balanced()
    {
        await AnnouncedByAStoppedLeaderAsync();

        var reconcileAgain = new List<string>();
        var restarted = await _fixture.RecorderAsync(new SettableLeadership { IsLeader = true }, keys => reconcileAgain.AddRange(keys.Select(key => key.ToString())));
        await IdleAsync(restarted);
        restarted.Audit(Web, [], []);
        restarted.Audit(Web, [], []);
        await IdleAsync(restarted);

        Assert.Equal(["Service/shop/web"], reconcileAgain);
        Assert.Equal(
            [(EventReasons.TrafficSkewed, "skew 3.0"), (EventReasons.TrafficBalanced, "Resolved while no lb-operator leader was running: TrafficSkewed no longer found.")],
            _fixture.Events.Select(item => (item.Reason, item.Message)));
    }

    [Fact]
    public async Task A_second_restart_after_the_resolution_writes_nothing()
    {
        var first = await _fixture.RecorderAsync(new SettableLeadership { IsLeader = true });
        first.Audit(Web, [Skewed()], [EventReasons.TrafficSkewed]);
        await IdleAsync(first);
        _fixture.Time.Advance(TimeSpan.FromMinutes(1));
        first.Audit(Web, [new PlannedEvent(EventTypes.Normal, EventReasons.TrafficBalanced, "Resolved.", Start)], []);
        await IdleAsync(first);
        await first.DrainAsync(TimeSpan.FromSeconds(5));

        var restarted = await _fixture.RecorderAsync(new SettableLeadership { IsLeader = true });
        await IdleAsync(restarted);
        restarted.Audit(Web, [], []);
        await IdleAsync(restarted);

        Assert.Equal(2, _fixture.Events.Count);
    }

    [Fact]
    public async Task Admission_events_are_written_by_a_replica_that_does_not_lead()
    {
        var recorder = await _fixture.RecorderAsync(new SettableLeadership());

        Assert.True(recorder.Admission(Web, EventReasons.AdmissionDenied, "LB001: denied"));
        await Poll.UntilAsync(() => _fixture.Events.Count == 1, "the admission Event is written");

        Assert.Equal(("Warning", "AdmissionDenied"), (_fixture.Events[0].Type, _fixture.Events[0].Reason));
    }

    [Fact]
    public async Task A_write_that_fails_is_dropped_and_counted_and_never_reaches_the_caller()
    {
        var recorder = await _fixture.RecorderAsync(new SettableLeadership { IsLeader = true });
        await IdleAsync(recorder);
        _fixture.Emulator.Faults.Inject(FaultRule.ServerError("events", ApiVerb.Create, 1));

        recorder.Audit(Web, [Skewed()], null);
        await IdleAsync(recorder);

        Assert.Empty(_fixture.Events);
        Assert.Equal(1, _fixture.Metrics.Dropped.Value);
    }

    [Fact]
    public void Past_the_queue_capacity_events_are_dropped_and_counted()
    {
        var recorder = new EventRecorder(_fixture.Client, _fixture.Gate, new EventSource("lb-operator", "a"), new SettableLeadership(), null, [],
            _fixture.Metrics, _fixture.Time, Microsoft.Extensions.Logging.Abstractions.NullLogger<EventRecorder>.Instance);

        var accepted = Enumerable.Range(0, EventRecorder.QueueCapacity + 3).Count(index => recorder.Admission(Web, EventReasons.AdmissionWarned, $"warned {index}"));

        Assert.Equal(EventRecorder.QueueCapacity, accepted);
        Assert.Equal(3, _fixture.Metrics.Dropped.Value);
        recorder.Dispose();
    }

    [Fact]
    public async Task A_long_message_is_cut_to_1024_characters()
    {
        var recorder = await _fixture.RecorderAsync(new SettableLeadership { IsLeader = true });

        recorder.Audit(Web, [Skewed(new string('x', 5000))], null);
        await IdleAsync(recorder);

        Assert.Equal(1024, Assert.Single(_fixture.Events).Message.Length);
    }

    /// <summary>A leader announced "skew 3.0" on <see cref="Web"/> and stopped; five minutes pass before the next one starts.</summary>
    private async Task AnnouncedByAStoppedLeaderAsync()
    {
        var first = await _fixture.RecorderAsync(new SettableLeadership { IsLeader = true });
        first.Audit(Web, [Skewed()], [EventReasons.TrafficSkewed]);
        await IdleAsync(first);
        await first.DrainAsync(TimeSpan.FromSeconds(5));
        _fixture.Time.Advance(TimeSpan.FromMinutes(5));
    }
}
