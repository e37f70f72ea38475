using LbOperator.Core.Model;
using LbOperator.Operator.Metrics;
using LbOperator.Operator.Reconciliation;
using Microsoft.Extensions.Logging;

namespace LbOperator.Operator.Queue;

/// <summary>
/// Runs N workers over the queue. Done resets a key's backoff, After schedules it again, Retry (or an
/// exception: the one place a reconcile's exceptions are caught) counts an error and retries it with
/// backoff. On stop the queue hands out nothing more and the reconciles in flight finish, bounded by
/// <paramref name="drainTimeout"/>.
/// </summary>
public sealed class ReconcileWorkers(WorkQueue queue, IReconciler reconciler, OperatorMetrics metrics, ILogger logger, TimeSpan drainTimeout)
{
    public async Task RunAsync(int workers, CancellationToken stoppingToken)
    {
        using var drain = new CancellationTokenSource();
        await using var registration = stoppingToken.Register(() =>
        {
            queue.ShutDown();
            drain.CancelAfter(drainTimeout);
        });
        var loops = Enumerable.Range(0, workers).Select(_ => Task.Run(() => WorkAsync(drain.Token), CancellationToken.None));
        await Task.WhenAll(loops).ConfigureAwait(false);
    }

    private async Task WorkAsync(CancellationToken inFlight)
    {
        while (await queue.TakeAsync(CancellationToken.None).ConfigureAwait(false) is { } key)
        {
            try
            {
                await ProcessAsync(key, inFlight).ConfigureAwait(false);
            }
            finally
            {
                queue.Done(key);
            }
        }
    }

    private async Task ProcessAsync(ObjectRef key, CancellationToken cancellationToken)
    {
        ReconcileResult result;
        try
        {
            result = await reconciler.ReconcileAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            result = ReconcileResult.RetryOn(error);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        switch (result.Outcome)
        {
            case ReconcileOutcome.Done:
                queue.Forget(key);
                break;
            case ReconcileOutcome.RequeueAfter:
                queue.Forget(key);
                queue.AddAfter(key, result.Delay ?? TimeSpan.Zero);
                break;
            default:
                metrics.ReconcileErrors.WithLabels(key.KindName).Inc();
                QueueLog.ReconcileFailed(logger, result.Error, key.ToString(), queue.Backoff.Failures(key));
                queue.AddRateLimited(key);
                break;
        }
    }
}
