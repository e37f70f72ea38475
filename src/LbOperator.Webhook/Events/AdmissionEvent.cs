using LbOperator.Runtime.Events;
using LbOperator.Webhook.Evaluation;

namespace LbOperator.Webhook.Events;

/// <summary>A Warning Event to put on an existing object after a review denied or warned about its update.</summary>
public sealed record AdmissionEvent(AdmittedObject Object, string Reason, string Message)
{
    public const string DeniedReason = EventReasons.AdmissionDenied;
    public const string WarnedReason = EventReasons.AdmissionWarned;
}

/// <summary>
/// Hands admission Events to the process's Event recorder: bounded, correlated like every other Event, and
/// written by this replica (the one that answered), leader or not. Admission latency never waits for a write.
/// </summary>
public sealed class RecorderAdmissionEventSink(IEventRecorder recorder) : IAdmissionEventSink
{
    public bool TryPost(AdmissionEvent admissionEvent)
    {
        ArgumentNullException.ThrowIfNull(admissionEvent);
        var admitted = admissionEvent.Object;
        return recorder.Admission(new EventTarget(admitted.Ref, admitted.ApiVersion, admitted.Uid, null), admissionEvent.Reason, admissionEvent.Message);
    }
}
