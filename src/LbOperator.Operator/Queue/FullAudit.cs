using LbOperator.Core.Model;
using LbOperator.Operator.Metrics;
using LbOperator.Runtime;
using Microsoft.Extensions.Logging;

namespace LbOperator.Operator.Queue;

/// <summary>
/// Once the caches are synced, and then every <paramref name="period"/>, enqueues every audited key
/// (Services, Ingresses, HTTPRoutes) and, when all of them have been reconciled, records the time in
/// <c>lb_operator_last_full_audit_timestamp_seconds</c>: when it is set, every object of the audit is
/// published, and the per-object series are written from that state at the next scrape. This catches anything a missed change left behind.
/// <paramref name="firstPassCompleted"/> runs once, after the first pass.
/// </summary>
public sealed class FullAudit(
    WorkQueue queue,
    Func<IReadOnlyCollection<ObjectRef>> auditedKeys,
    ICacheReadiness readiness,
    TimeSpan period,
    TimeProvider time,
    OperatorMetrics metrics,
    ILogger logger,
    Action? firstPassCompleted = null)
{
    private static readonly TimeSpan ReadinessPoll = TimeSpan.FromMilliseconds(50);

    public int Completed { get; private set; }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!readiness.IsSynced)
            {
                await Task.Delay(ReadinessPoll, time, stoppingToken).ConfigureAwait(false);
            }

            while (!stoppingToken.IsCancellationRequested)
            {
                var keys = auditedKeys();
                QueueLog.FullAuditStarted(logger, keys.Count);
                await queue.AddAuditPass(keys).WaitAsync(stoppingToken).ConfigureAwait(false);
                metrics.LastFullAudit.Set(time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0);
                Completed++;
                QueueLog.FullAuditFinished(logger, keys.Count);
                if (Completed == 1)
                {
                    firstPassCompleted?.Invoke();
                }

                await Task.Delay(period, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (TaskCanceledException) when (queue.IsShuttingDown)
        {
            // The queue shut down before the pass drained.
        }
    }
}
