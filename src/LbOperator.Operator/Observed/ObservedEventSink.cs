using LbOperator.Core.Model;
using LbOperator.Operator.Events;
using LbOperator.Operator.Reconciliation;
using Microsoft.Extensions.Logging;

namespace LbOperator.Operator.Observed;

/// <summary>
/// Writes observed-traffic Events through the operator's Event publisher, resolving the object's
/// reference (UID, resourceVersion) from the caches. The callers retry what was not written.
/// </summary>
public sealed class ObservedEventSink(IEventPublisher publisher, AuditedObjectReader objects, ILogger<ObservedEventSink> logger)
{
    /// <returns>True when the Event is written or aggregated; false when this replica is not the leader, the object is gone, or the write failed.</returns>
    public async Task<bool> TryPublishAsync(ObjectRef @object, string type, string reason, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@object);
        if (objects.Read(@object) is not { } audited)
        {
            return false;
        }

        try
        {
            var result = await publisher.PublishAsync(audited.Target, type, reason, message, cancellationToken).ConfigureAwait(false);
            return result != PublishResult.NotLeader;
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            ObservedLog.EventFailed(logger, error, reason, @object.ToString());
            return false;
        }
    }
}
