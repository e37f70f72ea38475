using k8s.Models;
using LbOperator.Core.Model;

namespace LbOperator.Runtime.Events;

/// <summary>What the writer does with one Event: create <see cref="Name"/>, patch it to <see cref="Count"/>, or nothing.</summary>
internal sealed record EventDecision(EventAction Action, string Name, int Count, DateTimeOffset FirstTimestamp);

internal enum EventAction
{
    Create,
    Patch,

    /// <summary>The same Event was written less than <see cref="EventCorrelator.RepeatInterval"/> ago; counted into the next write.</summary>
    Suppress,

    /// <summary>The Event already exists on the API server from before this replica led: it is not written and its count is not bumped.</summary>
    AlreadyAnnounced,
}

/// <summary>
/// client-go's correlator for one writer: a repeat of the same object, type, reason and message bumps the
/// existing Event's count instead of creating another (aggregation), and a repeat within
/// <see cref="RepeatInterval"/> is not written at all but folded into the next write (spam filter).
/// Seeded from the Events listed when this replica starts leading, so what an earlier leader (or an
/// earlier run) announced is recognised once and never announced again. Bounded like client-go's LRU:
/// past <see cref="Capacity"/> entries the least recently written goes. Not thread-safe: the recorder's
/// single writer owns it.
/// </summary>
internal sealed class EventCorrelator
{
    public const int Capacity = 8192;

    public static readonly TimeSpan RepeatInterval = TimeSpan.FromMinutes(1);

    private readonly Dictionary<Key, Entry> _entries = [];
    private long _lastNameNanos;

    public int Count => _entries.Count;

    public EventDecision Decide(EventTarget target, string type, string reason, string message, DateTimeOffset now)
    {
        if (!_entries.TryGetValue(Key.Of(target, type, reason, message), out var entry))
        {
            return new EventDecision(EventAction.Create, NewName(target.Object.Name, now), 1, now);
        }

        if (entry.Listed)
        {
            // Recognised once: a later repeat in this term is a real recurrence and bumps the count.
            entry.Listed = false;
            return new EventDecision(EventAction.AlreadyAnnounced, entry.Name, entry.Count, entry.FirstTimestamp);
        }

        if (now - entry.LastWritten < RepeatInterval)
        {
            entry.Pending++;
            return new EventDecision(EventAction.Suppress, entry.Name, entry.Count, entry.FirstTimestamp);
        }

        return new EventDecision(EventAction.Patch, entry.Name, entry.Count + entry.Pending + 1, entry.FirstTimestamp);
    }

    /// <summary>A fresh name for an Event that replaces one the API server no longer has.</summary>
    public string Rename(EventTarget target, DateTimeOffset now) => NewName(target.Object.Name, now);

    public void Written(EventTarget target, string type, string reason, string message, EventDecision written, DateTimeOffset now)
    {
        _entries[Key.Of(target, type, reason, message)] = new Entry(written.Name, written.Count, written.FirstTimestamp, now, listed: false);
        Trim();
    }

    /// <summary>Remembers an Event listed from the API server as already announced.</summary>
    public void Seed(Corev1Event listed)
    {
        ArgumentNullException.ThrowIfNull(listed);
        var involved = listed.InvolvedObject;
        var key = new Key(involved.NamespaceProperty ?? "", involved.Kind ?? "", involved.Name ?? "", involved.Uid, listed.Type ?? "", listed.Reason ?? "", listed.Message ?? "");
        var last = LastTimestamp(listed);
        var first = listed.FirstTimestamp is { } firstTime ? new DateTimeOffset(DateTime.SpecifyKind(firstTime, DateTimeKind.Utc)) : last;
        _entries[key] = new Entry(listed.Metadata.Name, listed.Count ?? 1, first, last, listed: true);
        Trim();
    }

    /// <summary>When an Event last happened: <c>lastTimestamp</c>, else <c>eventTime</c>, else its creation.</summary>
    public static DateTimeOffset LastTimestamp(Corev1Event listed)
    {
        ArgumentNullException.ThrowIfNull(listed);
        var time = listed.LastTimestamp ?? listed.EventTime ?? listed.Metadata?.CreationTimestamp ?? DateTime.UnixEpoch;
        return new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc));
    }

    private void Trim()
    {
        if (_entries.Count > Capacity)
        {
            _entries.Remove(_entries.MinBy(pair => pair.Value.LastWritten).Key);
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

    private sealed record Key(string Namespace, string Kind, string Name, string? Uid, string Type, string Reason, string Message)
    {
        public static Key Of(EventTarget target, string type, string reason, string message) =>
            new(target.Object.Namespace, target.Object.KindName, target.Object.Name, target.Uid, type, reason, message);
    }

    private sealed class Entry(string name, int count, DateTimeOffset firstTimestamp, DateTimeOffset lastWritten, bool listed)
    {
        public string Name { get; } = name;

        public int Count { get; } = count;

        public DateTimeOffset FirstTimestamp { get; } = firstTimestamp;

        public DateTimeOffset LastWritten { get; } = lastWritten;

        public int Pending { get; set; }

        public bool Listed { get; set; } = listed;
    }
}

/// <summary>
/// Which findings the listed Events still announce: per audited object, the Warning reasons whose latest
/// Event is newer than the object's latest <c>TrafficBalanced</c>.
/// </summary>
internal static class OpenFindings
{
    public static Dictionary<ObjectRef, HashSet<string>> Of(IEnumerable<Corev1Event> listed)
    {
        var open = new Dictionary<ObjectRef, HashSet<string>>();
        var byObject = listed
            .Where(item => item.InvolvedObject is not null)
            .GroupBy(item => $"{item.InvolvedObject.Kind}/{item.InvolvedObject.NamespaceProperty}/{item.InvolvedObject.Name}", StringComparer.Ordinal);
        foreach (var group in byObject)
        {
            if (!ObjectRef.TryParse(group.Key, out var key))
            {
                continue;
            }

            var balanced = group.Where(item => item.Reason == EventReasons.TrafficBalanced)
                .Select(EventCorrelator.LastTimestamp).DefaultIfEmpty(DateTimeOffset.MinValue).Max();
            var reasons = group
                .Where(item => EventReasons.IsOpenFinding(item.Type ?? "", item.Reason ?? "") && EventCorrelator.LastTimestamp(item) > balanced)
                .Select(item => item.Reason!)
                .ToHashSet(StringComparer.Ordinal);
            if (reasons.Count > 0)
            {
                open[key!] = reasons;
            }
        }

        return open;
    }
}
