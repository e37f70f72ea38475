namespace LbOperator.Operator.Publishing;

/// <summary>A finding's identity across reconciles: the rule and the entry point it was found at.</summary>
public readonly record struct FindingKey(string RuleId, string EntryPoint);
