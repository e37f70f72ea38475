namespace LbOperator.Kubernetes.Manifests;

/// <summary>A document of a kind the analysis does not read (a Deployment, a ConfigMap, a values file).</summary>
public sealed record SkippedDocument(string? ApiVersion, string? Kind, SourceLocation Source);
