namespace LbOperator.Core.Analysis;

/// <summary>One entry of the rule catalogue. <paramref name="Id"/>, <paramref name="Name"/> and <paramref name="EventReason"/> are stable.</summary>
/// <param name="DefaultSeverity">The severity the rule reports with; LB001 rises to error above the max skew.</param>
/// <param name="Description">What the rule finds, in one sentence.</param>
/// <param name="Help">How to fix it (shown by <c>lb-operator rules</c> and code-scanning UIs).</param>
/// <param name="EventReason">The reason of the Kubernetes Event the operator writes for a finding.</param>
public sealed record RuleDescriptor(string Id, string Name, Severity DefaultSeverity, string Description, string Help, string EventReason);
