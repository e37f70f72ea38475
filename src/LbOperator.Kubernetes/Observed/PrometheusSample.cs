namespace LbOperator.Kubernetes.Observed;

/// <summary>One element of an instant vector: its labels and value.</summary>
public sealed record PrometheusSample(IReadOnlyDictionary<string, string> Labels, double Value);
