using LbOperator.Core.Model;
using LbOperator.Operator.Metrics;
using LbOperator.Operator.Queue;
using LbOperator.Operator.Reconciliation;
using LbOperator.Runtime.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Prometheus;

namespace LbOperator.Operator.Tests.Queue;

public sealed class ReconcileWorkersTests
{
    private static readonly ObjectRef Web = new(ObjectKind.Service, "shop", "web");

    private readonly FakeTimeProvider time = new();
    private readonly Mock<IReconciler> reconciler = new();

    [Fact]
    public async Task A_failed_reconcile_is_retried_after_its_backoff_and_the_backoff_resets_on_success()
    {
        using var queue = new WorkQueue(time, new OperatorMetrics(new MetricsExposition(new CollectorRegistry(), [])));
        var calls = 0;
        var secondCall = new TaskCompletionSource();
        reconciler.Setup(r => r.ReconcileAsync(Web, It.IsAny<CancellationToken>())).ReturnsAsync(() =>
        {
            if (++calls == 1)
            {
                return ReconcileResult.RetryOn(new InvalidOperationException("boom"));
            }

            secondCall.TrySetResult();
            return ReconcileResult.Done;
        });
        using var stopping = new CancellationTokenSource();
        var run = new ReconcileWorkers(queue, reconciler.Object, new OperatorMetrics(new MetricsExposition(new CollectorRegistry(), [])), NullLogger.Instance, TimeSpan.FromSeconds(5)).RunAsync(2, stopping.Token);

        queue.Add(Web);
        await WaitUntil(() => queue.Delayed == 1);
        Assert.Equal((1, 1), (calls, queue.Backoff.Failures(Web)));
        time.Advance(TimeSpan.FromMilliseconds(5));
        await Poll.FinishesAsync(secondCall.Task, "the second call starts");
        await WaitUntil(() => queue.Backoff.Failures(Web) == 0);

        await stopping.CancelAsync();
        await Poll.FinishesAsync(run, "the run stops");
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Stopping_lets_the_reconcile_in_flight_finish_and_takes_no_more_work()
    {
        using var queue = new WorkQueue(time, new OperatorMetrics(new MetricsExposition(new CollectorRegistry(), [])));
        var started = new TaskCompletionSource();
        var release = new TaskCompletionSource<ReconcileResult>();
        var seenCancellation = false;
        reconciler.Setup(r => r.ReconcileAsync(Web, It.IsAny<CancellationToken>())).Returns((ObjectRef _, CancellationToken ct) =>
        {
            started.TrySetResult();
            return release.Task.ContinueWith(t =>
            {
                seenCancellation = ct.IsCancellationRequested;
                return t.Result;
            }, TaskScheduler.Default);
        });
        using var stopping = new CancellationTokenSource();
        var run = new ReconcileWorkers(queue, reconciler.Object, new OperatorMetrics(new MetricsExposition(new CollectorRegistry(), [])), NullLogger.Instance, TimeSpan.FromMinutes(1)).RunAsync(1, stopping.Token);
        queue.Add(Web);
        await Poll.FinishesAsync(started.Task, "the work starts");

        await stopping.CancelAsync();
        queue.Add(new ObjectRef(ObjectKind.Service, "shop", "api"));
        Assert.False(run.IsCompleted);
        release.SetResult(ReconcileResult.Done);
        await Poll.FinishesAsync(run, "the run stops");

        Assert.False(seenCancellation);
        reconciler.Verify(r => r.ReconcileAsync(It.IsAny<ObjectRef>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Requeue_after_brings_the_key_back_when_the_delay_has_passed()
    {
        using var queue = new WorkQueue(time, new OperatorMetrics(new MetricsExposition(new CollectorRegistry(), [])));
        var calls = 0;
        var again = new TaskCompletionSource();
        reconciler.Setup(r => r.ReconcileAsync(Web, It.IsAny<CancellationToken>())).ReturnsAsync(() =>
        {
            if (++calls == 2)
            {
                again.TrySetResult();
            }

            return ReconcileResult.After(TimeSpan.FromMinutes(1));
        });
        using var stopping = new CancellationTokenSource();
        var run = new ReconcileWorkers(queue, reconciler.Object, new OperatorMetrics(new MetricsExposition(new CollectorRegistry(), [])), NullLogger.Instance, TimeSpan.FromSeconds(5)).RunAsync(1, stopping.Token);

        queue.Add(Web);
        await WaitUntil(() => queue.Delayed == 1);
        time.Advance(TimeSpan.FromMinutes(1));
        await Poll.FinishesAsync(again.Task, "the item is handed out again");

        await stopping.CancelAsync();
        await Poll.FinishesAsync(run, "the run stops");
    }

    [Fact]
    public async Task A_reconcile_that_throws_is_counted_once_as_an_error_and_retried_with_backoff()
    {
        using var queue = new WorkQueue(time, new OperatorMetrics(new MetricsExposition(new CollectorRegistry(), [])));
        var metrics = new OperatorMetrics(new MetricsExposition(new CollectorRegistry(), []));
        reconciler.Setup(r => r.ReconcileAsync(Web, It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("defect"));
        using var stopping = new CancellationTokenSource();
        var run = new ReconcileWorkers(queue, reconciler.Object, metrics, NullLogger.Instance, TimeSpan.FromSeconds(5)).RunAsync(1, stopping.Token);

        queue.Add(Web);
        await WaitUntil(() => queue.Delayed == 1);

        Assert.Equal((1, 1.0), (queue.Backoff.Failures(Web), metrics.ReconcileErrors.WithLabels("Service").Value));
        await stopping.CancelAsync();
        await run.WaitAsync(LbOperator.ApiEmulator.Waiting.Poll.Deadline);
    }

    /// <summary>The workers run on the thread pool; this waits for them without any timing assertion.</summary>
    private static async Task WaitUntil(Func<bool> condition)
    {
        await Poll.UntilAsync(condition, "the workers caught up");
    }
}
