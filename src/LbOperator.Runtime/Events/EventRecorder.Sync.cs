using LbOperator.Core.Model;

namespace LbOperator.Runtime.Events;

/// <summary>The listing of earlier Events that makes a new leader announce nothing twice.</summary>
public sealed partial class EventRecorder
{
    /// <summary>
    /// Lists what this component wrote before, seeds the correlator with it, then releases the held-back
    /// Events: those already on the API server are recognised by the correlator and not written again.
    /// A process that runs the audit lists once the first pass has completed: listing earlier Events (and
    /// decoding them, on a cold process) before that only competes for the CPU with the first lists and the
    /// audit, whose Events are held back until the listing anyway.
    /// </summary>
    private async Task SyncAsync(CancellationToken cancellationToken)
    {
        if (_audit is not null)
        {
            await _audit.WaitForFirstAuditAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!_leadership.IsLeader)
        {
            return;
        }

        var open = new Dictionary<ObjectRef, HashSet<string>>();
        try
        {
            var listed = await _api.ListOwnAsync(_namespaces, cancellationToken).ConfigureAwait(false);
            _writer.Seed(listed);

            open = OpenFindings.Of(listed);
            EventRecorderLog.Listed(_logger, listed.Count, open.Count);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            EventRecorderLog.ListFailed(_logger, error);
        }

        lock (_gate)
        {
            foreach (var (key, held) in _heldBack.TakeAll(_time.GetUtcNow()))
            {
                if (held.Any(entry => entry.Event.Reason == EventReasons.TrafficBalanced))
                {
                    open.Remove(key);
                }

                foreach (var (target, planned) in held)
                {
                    Enqueue(new Work(target, planned, Audited: true));
                }
            }

            _open = open;
            _ready = true;
        }

        Synced?.Invoke(open.Keys);
    }
}
