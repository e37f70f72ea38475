namespace LbOperator.Runtime.Events;

/// <summary>An Event decided by a reconcile and handed to the recorder; <see cref="PlannedAt"/> ages held-back Events.</summary>
public sealed record PlannedEvent(string Type, string Reason, string Message, DateTimeOffset PlannedAt);

/// <summary>Where reconciles and admission reviews hand their Events. Never blocks, never throws for a write.</summary>
public interface IEventRecorder
{
    /// <summary>
    /// The Events one reconcile decided for <paramref name="target"/>, and the reasons of the findings it has
    /// now (null for an object that opted out): a finding an earlier leader announced and that went away
    /// while no leader ran is resolved from these.
    /// </summary>
    void Audit(EventTarget target, IReadOnlyList<PlannedEvent> events, IReadOnlyCollection<string>? presentReasons);

    /// <summary>A Warning about an admission review, written by the replica that answered it; false when dropped.</summary>
    bool Admission(EventTarget target, string reason, string message);

    /// <summary>
    /// An Event decided outside a reconcile (observed traffic), written by the leader after the listing of the
    /// Events it wrote before; false when this replica is not the leader or the queue is full, so the caller
    /// hands it over again later.
    /// </summary>
    bool Announce(EventTarget target, string type, string reason, string message);
}
