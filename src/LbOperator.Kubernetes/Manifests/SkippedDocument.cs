namespace LbOperator.Kubernetes.Manifests;

/// <summary>A document of a kind (or version) the analysis does not read: a Deployment, a ConfigMap, a values file, an extensions/v1beta1 Ingress.</summary>
public sealed record SkippedDocument(string? ApiVersion, string? Kind, SourceLocation Source);
