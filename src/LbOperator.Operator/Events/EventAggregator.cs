namespace LbOperator.Operator.Events;

/// <summary>
/// Remembers the Events written so that a repeat of the same object, type, reason and message bumps the
/// existing Event's count instead of creating another (client-go's EventLogger), and so that a repeat
/// within <see cref="RepeatInterval"/> is not written at all: its occurrence is folded into the next write.
/// Bounded like client-go's LRU: past <see cref="Capacity"/> entries the least recently written goes.
/// </summary>
internal sealed class EventAggregator
{
    public const int Capacity = 4096;

    public static readonly TimeSpan RepeatInterval = TimeSpan.FromMinutes(1);

    private readonly Dictionary<AggregationKey, Entry> _entries = [];
    private readonly Lock _gate = new();
    private long _lastNameNanos;

    public EventPlan Plan(EventTarget target, string type, string reason, string message, DateTimeOffset now)
    {
        var key = AggregationKey.Of(target, type, reason, message);
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                return new EventPlan(EventPlanAction.Create, NewName(target.Object.Name, now), 1, now);
            }

            if (now - entry.LastWritten < RepeatInterval)
            {
                entry.Pending++;
                return new EventPlan(EventPlanAction.Suppress, entry.Name, entry.Count, entry.FirstTimestamp);
            }

            return new EventPlan(EventPlanAction.Patch, entry.Name, entry.Count + entry.Pending + 1, entry.FirstTimestamp);
        }
    }

    /// <summary>A fresh name for an Event that replaces one the API server no longer has.</summary>
    public string Rename(EventTarget target, DateTimeOffset now)
    {
        lock (_gate)
        {
            return NewName(target.Object.Name, now);
        }
    }

    public void Written(EventTarget target, string type, string reason, string message, EventPlan written, DateTimeOffset now)
    {
        var key = AggregationKey.Of(target, type, reason, message);
        lock (_gate)
        {
            _entries[key] = new Entry(written.Name, written.Count, written.FirstTimestamp, now);
            if (_entries.Count > Capacity)
            {
                var oldest = _entries.MinBy(pair => pair.Value.LastWritten).Key;
                _entries.Remove(oldest);
            }
        }
    }

    /// <summary>
    /// <c>&lt;object&gt;.&lt;unix nanoseconds in hex&gt;</c> as client-go names them; kept strictly increasing
    /// so two Events in the same clock tick never collide.
    /// </summary>
    private string NewName(string objectName, DateTimeOffset now)
    {
        var nanos = (now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;
        nanos = Math.Max(nanos, _lastNameNanos + 1);
        _lastNameNanos = nanos;
        var suffix = $".{nanos:x}";
        var prefix = objectName.Length + suffix.Length > 253 ? objectName[..(253 - suffix.Length)] : objectName;
        return prefix + suffix;
    }

    private sealed record AggregationKey(string Namespace, string Kind, string Name, string? Uid, string Type, string Reason, string Message)
    {
        public static AggregationKey Of(EventTarget target, string type, string reason, string message) =>
            new(target.Object.Namespace, target.Object.KindName, target.Object.Name, target.Uid, type, reason, message);
    }

    private sealed class Entry(string name, int count, DateTimeOffset firstTimestamp, DateTimeOffset lastWritten)
    {
        public string Name { get; } = name;

        public int Count { get; } = count;

        public DateTimeOffset FirstTimestamp { get; } = firstTimestamp;

        public DateTimeOffset LastWritten { get; } = lastWritten;

        public int Pending { get; set; }
    }
}
