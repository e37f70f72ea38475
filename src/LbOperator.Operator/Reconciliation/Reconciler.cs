using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Operator.Changes;
using LbOperator.Operator.Events;
using LbOperator.Operator.Metrics;
using LbOperator.Operator.Publishing;
using LbOperator.Operator.Runtime;
using Microsoft.Extensions.Logging;

namespace LbOperator.Operator.Reconciliation;

/// <summary>
/// Level-based reconcile of one audited object: read it from the caches, analyse it, compare with what
/// was last published for it, and publish only the difference (metrics, then Events). The new state is
/// kept before the Events are written; Events whose write fails stay pending in it and the key is
/// retried, so nothing is counted twice and nothing is lost. A replica that is not the leader keeps the
/// Events it planned pending (replacing its older pending ones when the state changes again, so the list
/// stays bounded) and writes them when it becomes leader, unless they are older than
/// <see cref="PendingEventLifetime"/>.
/// </summary>
public sealed class Reconciler : IReconciler
{
    /// <summary>How long a key waits when the caches have not finished their first list.</summary>
    public static readonly TimeSpan NotSyncedDelay = TimeSpan.FromSeconds(1);

    private readonly IClusterView _view;
    private readonly TrafficAnalyzer _analyzer;
    private readonly AuditedObjectReader _objects;
    private readonly ICacheReadiness _readiness;
    private readonly IEventPublisher _events;
    private readonly ILeadership _leadership;
    private readonly PendingEventLifetime _pendingLifetime;
    private readonly MetricsPublisher _metricsPublisher;
    private readonly PublishedStates _states;
    private readonly OperatorMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<Reconciler> _logger;

    public Reconciler(
        IClusterView view,
        AnalysisPolicy policy,
        AuditedObjectReader objects,
        ICacheReadiness readiness,
        IEventPublisher events,
        ILeadership leadership,
        PendingEventLifetime pendingLifetime,
        MetricsPublisher metricsPublisher,
        PublishedStates states,
        OperatorMetrics metrics,
        TimeProvider time,
        ILogger<Reconciler> logger)
    {
        _view = view;
        _analyzer = new TrafficAnalyzer(policy);
        _objects = objects;
        _readiness = readiness;
        _events = events;
        _leadership = leadership;
        _pendingLifetime = pendingLifetime;
        _metricsPublisher = metricsPublisher;
        _states = states;
        _metrics = metrics;
        _time = time;
        _logger = logger;
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectRef key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var started = _time.GetTimestamp();
        try
        {
            return await ReconcileCoreAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _metrics.ReconcileErrors.WithLabels(key.KindName).Inc();
            ReconcilerLog.Failed(_logger, error, key.ToString(), _states.Get(key)?.PendingEvents.Count ?? 0);
            return ReconcileResult.RetryOn(error);
        }
        finally
        {
            _metrics.ReconcileDuration.WithLabels(key.KindName).Observe(_time.GetElapsedTime(started).TotalSeconds);
        }
    }

    private async Task<ReconcileResult> ReconcileCoreAsync(ObjectRef key, CancellationToken cancellationToken)
    {
        if (!_readiness.IsSynced)
        {
            ReconcilerLog.NotSynced(_logger, key.ToString());
            return ReconcileResult.After(NotSyncedDelay);
        }

        var before = _states.Get(key);
        var current = _objects.Read(key);
        if (current is null)
        {
            _metricsPublisher.Publish(key, before, null);
            _states.Remove(key);
            ReconcilerLog.Removed(_logger, key.ToString());
            return ReconcileResult.Done;
        }

        var report = current.Ignored ? AnalysisReport.Empty : _analyzer.Analyze(_view, key);
        var now = _time.GetUtcNow();
        var leading = _leadership.IsLeader;
        var planned = PublicationPlanner.Plan(key, before, current.Config, report, now, announce: !current.Ignored);
        var after = planned with { PendingEvents = Pending(key, before?.PendingEvents ?? [], planned.PendingEvents, leading, now) };
        _metricsPublisher.Publish(key, before, after);
        if (ConfigDiff.Compare(before?.Config, current.Config).Count > 0)
        {
            _metricsPublisher.CountConfigChange(key);
        }

        _states.Set(after);
        ReconcilerLog.Reconciled(_logger, key.ToString(), after.Findings.Count, after.PendingEvents.Count);
        // Read again after storing the state: a lease won meanwhile may have looked for pending Events
        // before this key had any, and nothing else would bring the key back.
        if (!_leadership.IsLeader)
        {
            ReconcilerLog.HeldBack(_logger, key.ToString(), after.PendingEvents.Count);
            return ReconcileResult.Done;
        }

        return await WritePendingEventsAsync(current.Target, after, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The leader writes what is still pending before the new Events; a non-leader's new Events replace
    /// its pending ones, which describe a state that no longer holds. Stale Events are dropped either way.
    /// </summary>
    private IReadOnlyList<PlannedEvent> Pending(
        ObjectRef key, IReadOnlyList<PlannedEvent> earlier, IReadOnlyList<PlannedEvent> planned, bool leading, DateTimeOffset now)
    {
        var kept = earlier.Where(pending => !_pendingLifetime.IsStale(pending, now)).ToArray();
        if (kept.Length < earlier.Count)
        {
            ReconcilerLog.StaleDropped(_logger, key.ToString(), earlier.Count - kept.Length);
        }

        return leading || planned.Count == 0 ? [.. kept, .. planned] : planned;
    }

    private async Task<ReconcileResult> WritePendingEventsAsync(EventTarget target, PublishedState state, CancellationToken cancellationToken)
    {
        var pending = state.PendingEvents;
        for (var index = 0; index < pending.Count; index++)
        {
            var planned = pending[index];
            try
            {
                var result = await _events.PublishAsync(target, planned.Type, planned.Reason, planned.Message, cancellationToken).ConfigureAwait(false);
                if (result == PublishResult.NotLeader)
                {
                    // Leadership was lost mid-write: keep the rest for when this replica leads again.
                    _states.Set(state with { PendingEvents = pending.Skip(index).ToArray() });
                    return ReconcileResult.Done;
                }
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var remaining = pending.Skip(index).ToArray();
                _states.Set(state with { PendingEvents = remaining });
                _metrics.ReconcileErrors.WithLabels(state.Object.KindName).Inc();
                ReconcilerLog.Failed(_logger, error, state.Object.ToString(), remaining.Length);
                return ReconcileResult.RetryOn(error);
            }
        }

        _states.Set(state with { PendingEvents = [] });
        return ReconcileResult.Done;
    }
}
