namespace LbOperator.Operator.Publishing;

/// <summary>An Event decided by a reconcile and not yet written.</summary>
public sealed record PlannedEvent(string Type, string Reason, string Message);
