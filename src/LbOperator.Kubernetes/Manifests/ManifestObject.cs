using k8s;
using k8s.Models;

namespace LbOperator.Kubernetes.Manifests;

/// <summary>An object of a kind the analysis reads, with the place it was defined (a file, or the live cluster).</summary>
public sealed record ManifestObject(IKubernetesObject<V1ObjectMeta> Object, SourceLocation Source);
