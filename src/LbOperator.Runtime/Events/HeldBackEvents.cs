using LbOperator.Core.Model;

namespace LbOperator.Runtime.Events;

/// <summary>
/// Audit Events a replica decided while it could not write them (not leading, or not yet listed what
/// exists): at most <see cref="PerObject"/> per object, the newest kept, none older than
/// <see cref="EventRecorder.EventTtl"/>. Not thread-safe: the recorder holds its lock around it.
/// </summary>
internal sealed class HeldBackEvents
{
    public const int PerObject = 8;

    private readonly Dictionary<ObjectRef, List<(EventTarget Target, PlannedEvent Event)>> _held = [];

    public void Add(EventTarget target, IEnumerable<PlannedEvent> events, DateTimeOffset now)
    {
        if (!_held.TryGetValue(target.Object, out var held))
        {
            held = [];
        }

        held.AddRange(events.Select(planned => (target, planned)));
        held.RemoveAll(entry => now - entry.Event.PlannedAt > EventRecorder.EventTtl);
        if (held.Count > PerObject)
        {
            held.RemoveRange(0, held.Count - PerObject);
        }

        if (held.Count > 0)
        {
            _held[target.Object] = held;
        }
    }

    /// <summary>Everything still fresh, in the order it was decided, per object; empties the store.</summary>
    public IReadOnlyList<(ObjectRef Object, IReadOnlyList<(EventTarget Target, PlannedEvent Event)> Events)> TakeAll(DateTimeOffset now)
    {
        var taken = _held
            .Select(pair => (pair.Key, (IReadOnlyList<(EventTarget, PlannedEvent)>)pair.Value.Where(entry => now - entry.Event.PlannedAt <= EventRecorder.EventTtl).ToArray()))
            .ToArray();
        _held.Clear();
        return taken;
    }
}
