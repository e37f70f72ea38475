using LbOperator.Runtime.Events;

namespace LbOperator.Operator.Tests.Fakes;

/// <summary>Records what reconciles hand to the recorder, in order.</summary>
internal sealed class RecordingEventRecorder : IEventRecorder
{
    public List<(EventTarget Target, string Type, string Reason, string Message)> Written { get; } = [];

    public List<IReadOnlyCollection<string>?> PresentReasons { get; } = [];

    public void Audit(EventTarget target, IReadOnlyList<PlannedEvent> events, IReadOnlyCollection<string>? presentReasons)
    {
        Written.AddRange(events.Select(planned => (target, planned.Type, planned.Reason, planned.Message)));
        PresentReasons.Add(presentReasons);
    }

    public bool Admission(EventTarget target, string reason, string message)
    {
        Written.Add((target, EventTypes.Warning, reason, message));
        return true;
    }

    public bool Announce(EventTarget target, string type, string reason, string message)
    {
        Written.Add((target, type, reason, message));
        return true;
    }
}
