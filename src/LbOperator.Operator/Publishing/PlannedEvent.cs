namespace LbOperator.Operator.Publishing;

/// <summary>
/// An Event decided by a reconcile and not yet written. <see cref="PlannedAt"/> lets a replica that
/// becomes leader tell Events it still owes from ones an earlier leader has already written.
/// </summary>
public sealed record PlannedEvent(string Type, string Reason, string Message, DateTimeOffset PlannedAt);
