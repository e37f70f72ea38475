using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Runtime.Events;
using LbOperator.Operator.Metrics;
using LbOperator.Operator.Publishing;
using LbOperator.Runtime;
using Microsoft.Extensions.Logging;

namespace LbOperator.Operator.Reconciliation;

/// <summary>
/// Level-based reconcile of one audited object: read it from the caches, analyse it, compare with what
/// was last published for it, publish the new state (<see cref="StateMetrics"/> reads it at scrape time) and hand the
/// Events announcing the difference to the <see cref="IEventRecorder"/>, which never blocks: a reconcile
/// never waits for, fails on or retries because of an Event write. An exception (a defect) is not caught
/// here: the worker catches it, counts it and retries the key with backoff.
/// </summary>
public sealed class Reconciler : IReconciler
{
    /// <summary>How long a key waits when the caches have not finished their first list.</summary>
    public static readonly TimeSpan NotSyncedDelay = TimeSpan.FromSeconds(1);

    private readonly IClusterView _view;
    private readonly TrafficAnalyzer _analyzer;
    private readonly AuditedObjectReader _objects;
    private readonly ICacheReadiness _readiness;
    private readonly IEventRecorder _events;
    private readonly PublishedStates _states;
    private readonly OperatorMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<Reconciler> _logger;

    public Reconciler(
        IClusterView view,
        AnalysisPolicy policy,
        AuditedObjectReader objects,
        ICacheReadiness readiness,
        IEventRecorder events,
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
        _states = states;
        _metrics = metrics;
        _time = time;
        _logger = logger;
    }

    public Task<ReconcileResult> ReconcileAsync(ObjectRef key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var started = _time.GetTimestamp();
        try
        {
            return Task.FromResult(Reconcile(key));
        }
        finally
        {
            _metrics.ReconcileDuration.WithLabels(key.KindName).Observe(_time.GetElapsedTime(started).TotalSeconds);
        }
    }

    private ReconcileResult Reconcile(ObjectRef key)
    {
        if (!_readiness.IsSynced)
        {
            ReconcilerLog.NotSynced(_logger, key);
            return ReconcileResult.After(NotSyncedDelay);
        }

        var before = _states.Get(key);
        var current = _objects.Read(key);
        if (current is null)
        {
            _states.Remove(key);
            ReconcilerLog.Removed(_logger, key);
            return ReconcileResult.Done;
        }

        var report = current.Ignored ? AnalysisReport.Empty : _analyzer.Analyze(_view, key);
        var plan = PublicationPlanner.Plan(key, before, current.Config, report, _time.GetUtcNow(), announce: !current.Ignored);
        _states.Set(plan.State);
        if (plan.ConfigChanged)
        {
            _states.CountConfigChange(key);
        }

        var present = current.Ignored ? null : plan.State.Findings.Keys.Select(finding => EventReasons.ForRule(finding.RuleId).Reason).ToHashSet(StringComparer.Ordinal);
        _events.Audit(current.Target, plan.Events, present);
        ReconcilerLog.Reconciled(_logger, key, plan.State.Findings.Count, plan.Events.Count);
        return ReconcileResult.Done;
    }
}
