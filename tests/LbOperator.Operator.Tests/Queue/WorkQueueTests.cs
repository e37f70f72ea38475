using LbOperator.Core.Model;
using LbOperator.Operator.Metrics;
using LbOperator.Operator.Queue;
using LbOperator.Runtime.Metrics;
using Microsoft.Extensions.Time.Testing;
using Prometheus;

namespace LbOperator.Operator.Tests.Queue;

public sealed class WorkQueueTests
{
    private static readonly ObjectRef Web = new(ObjectKind.Service, "shop", "web");
    private static readonly ObjectRef Api = new(ObjectKind.Service, "shop", "api");

    private readonly FakeTimeProvider time = new();
    private readonly OperatorMetrics metrics = new(new MetricsExposition(new CollectorRegistry(), []));

    private WorkQueue NewQueue() => new(time, metrics);

    private static ObjectRef? TakeNow(WorkQueue queue)
    {
        var take = queue.TakeAsync(CancellationToken.None);
        return take.IsCompleted ? take.Result : null;
    }

    [Fact]
    public void A_key_added_twice_waits_once()
    {
        using var queue = NewQueue();
        queue.Add(Web);
        queue.Add(Web);
        queue.Add(Api);

        Assert.Equal(2, queue.Depth);
        Assert.Equal(2, metrics.QueueDepth.Value);
        Assert.Equal(Web, TakeNow(queue));
        Assert.Equal(Api, TakeNow(queue));
    }

    [Fact]
    public void A_key_in_flight_is_not_handed_to_a_second_worker()
    {
        using var queue = NewQueue();
        queue.Add(Web);
        Assert.Equal(Web, TakeNow(queue));

        queue.Add(Web);

        Assert.Equal(0, queue.Depth);
        Assert.False(queue.TakeAsync(CancellationToken.None).IsCompleted);
    }

    [Fact]
    public async Task A_key_re_added_while_in_flight_is_processed_again_after_done()
    {
        using var queue = NewQueue();
        queue.Add(Web);
        var first = TakeNow(queue);
        queue.Add(Web);
        var second = queue.TakeAsync(CancellationToken.None);

        queue.Done(first!);

        Assert.Equal(Web, await Poll.FinishesAsync(second, "the re-added key is handed out"));
    }

    [Fact]
    public void A_key_done_without_re_adding_is_gone()
    {
        using var queue = NewQueue();
        queue.Add(Web);
        queue.Done(TakeNow(queue)!);

        Assert.Equal(0, queue.Depth);
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(11, 5120)]
    [InlineData(17, 300_000)]
    [InlineData(40, 300_000)]
    public void Backoff_doubles_from_5_ms_and_stops_at_5_minutes(int failure, int expectedMilliseconds)
    {
        var backoff = ItemBackoff.Default();
        var delay = TimeSpan.Zero;
        for (var i = 0; i < failure; i++)
        {
            delay = backoff.Next(Web);
        }

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), delay);
    }

    [Fact]
    public void A_retried_key_comes_back_only_after_its_backoff()
    {
        using var queue = NewQueue();
        queue.AddRateLimited(Web);
        queue.AddRateLimited(Web);

        time.Advance(TimeSpan.FromMilliseconds(4));
        Assert.Equal(0, queue.Depth);
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(1, queue.Depth);
        Assert.Equal(2, queue.Backoff.Failures(Web));
    }

    [Fact]
    public void Forgetting_a_key_resets_its_backoff()
    {
        using var queue = NewQueue();
        queue.Backoff.Next(Web);
        queue.Backoff.Next(Web);

        queue.Forget(Web);

        Assert.Equal(TimeSpan.FromMilliseconds(5), queue.Backoff.Next(Web));
    }

    [Fact]
    public void Requeue_after_adds_the_key_when_the_delay_has_passed_and_the_earlier_delay_wins()
    {
        using var queue = NewQueue();
        queue.AddAfter(Web, TimeSpan.FromMinutes(5));
        queue.AddAfter(Web, TimeSpan.FromMinutes(1));
        queue.AddAfter(Web, TimeSpan.FromMinutes(3));

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(Web, TakeNow(queue));
        queue.Done(Web);
        time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(0, queue.Depth);
    }

    [Fact]
    public async Task Shutting_down_stops_handing_out_keys_and_wakes_every_waiting_worker()
    {
        using var queue = NewQueue();
        var waiting = new[] { queue.TakeAsync(CancellationToken.None), queue.TakeAsync(CancellationToken.None) };

        queue.ShutDown();
        queue.Add(Web);

        Assert.All(await Poll.FinishesAsync(Task.WhenAll(waiting), "every waiting worker wakes"), Assert.Null);
        Assert.Null(await Poll.FinishesAsync(queue.TakeAsync(CancellationToken.None), "a take after shutdown returns"));
    }

    [Fact]
    public async Task An_audit_pass_completes_only_when_every_key_was_processed_after_it_began()
    {
        using var queue = NewQueue();
        queue.Add(Web);
        var inFlight = TakeNow(queue)!;

        var pass = queue.AddAuditPass([Web, Api]);
        queue.Done(inFlight);
        Assert.False(pass.IsCompleted);
        var next = TakeNow(queue)!;
        queue.Done(next);
        var last = TakeNow(queue)!;
        Assert.False(pass.IsCompleted);
        queue.Done(last);

        Assert.True(pass.IsCompletedSuccessfully);
        Assert.Equal([Api, Web], new[] { next, last }.OrderBy(k => k.Name));
    }

    [Fact]
    public void An_empty_audit_pass_is_complete_at_once()
    {
        using var queue = NewQueue();

        var pass = queue.AddAuditPass([]);

        Assert.True(pass.IsCompletedSuccessfully);
        Assert.Equal(0, queue.Depth);
    }
}
