namespace LbOperator.Operator.Changes;

/// <summary>One load-balancing field whose value differs; null means the field was (or became) absent.</summary>
public sealed record ConfigFieldChange(string Field, string? Before, string? After);
