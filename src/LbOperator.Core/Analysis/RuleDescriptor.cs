namespace LbOperator.Core.Analysis;

/// <summary>One entry of the rule catalogue. <paramref name="Id"/> and <paramref name="Name"/> are stable.</summary>
/// <param name="DefaultSeverity">The severity the rule reports with; LB001 rises to error above the max skew.</param>
public sealed record RuleDescriptor(string Id, string Name, Severity DefaultSeverity, string Description);
