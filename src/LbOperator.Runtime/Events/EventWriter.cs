using k8s.Models;
using Microsoft.Extensions.Logging;

namespace LbOperator.Runtime.Events;

/// <summary>
/// The recorder's single writer: asks the correlator what to do with an Event, then creates or patches it.
/// A write that fails after the write gate's retries is dropped and counted, never thrown.
/// </summary>
internal sealed class EventWriter(EventApi api, EventMetrics metrics, ILogger logger)
{
    private readonly EventCorrelator _correlator = new();

    /// <summary>Remembers what an earlier leader or run wrote, so it is recognised and not written again.</summary>
    public void Seed(IEnumerable<Corev1Event> listed)
    {
        foreach (var item in listed)
        {
            _correlator.Seed(item);
        }
    }

    public async Task WriteAsync(EventTarget target, PlannedEvent planned, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var decision = _correlator.Decide(target, planned.Type, planned.Reason, planned.Message, now);
        if (decision.Action is EventAction.Suppress or EventAction.AlreadyAnnounced)
        {
            EventRecorderLog.NotWritten(logger, planned.Reason, target.Object.ToString(), decision.Action);
            return;
        }

        try
        {
            if (decision.Action == EventAction.Patch && !await api.TryPatchAsync(target, planned.Message, decision, now, cancellationToken).ConfigureAwait(false))
            {
                EventRecorderLog.Gone(logger, decision.Name, target.Object.ToString());
                decision = decision with { Action = EventAction.Create, Name = _correlator.Rename(target, now) };
            }

            if (decision.Action == EventAction.Create)
            {
                await api.CreateAsync(target, planned.Type, planned.Reason, planned.Message, decision, now, cancellationToken).ConfigureAwait(false);
            }

            _correlator.Written(target, planned.Type, planned.Reason, planned.Message, decision, now);
            metrics.Emitted.WithLabels(planned.Reason).Inc();
            EventRecorderLog.Written(logger, planned.Reason, target.Object.ToString(), decision.Action, decision.Count);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            metrics.Dropped.Inc();
            EventRecorderLog.WriteFailed(logger, error, planned.Reason, target.Object.ToString());
        }
    }
}
