using LbOperator.Core.Model;
using LbOperator.Runtime.Events;
using LbOperator.Operator.Reconciliation;

namespace LbOperator.Operator.Observed;

/// <summary>
/// Hands observed-traffic Events to the operator's Event recorder, resolving the object's reference (UID,
/// resourceVersion) from the caches. The callers hand over again what was not accepted.
/// </summary>
public sealed class ObservedEventSink(IEventRecorder recorder, AuditedObjectReader objects)
{
    /// <returns>True when the recorder took the Event; false when this replica is not the leader (or not yet ready), the object is gone, or the queue is full.</returns>
    public Task<bool> TryPublishAsync(ObjectRef @object, string type, string reason, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@object);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(objects.Read(@object) is { } audited && recorder.Announce(audited.Target, type, reason, message));
    }
}
