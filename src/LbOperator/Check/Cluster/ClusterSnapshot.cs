using LbOperator.Kubernetes.Manifests;

namespace LbOperator.Check.Cluster;

/// <summary>The objects read from the live cluster, each located at <see cref="SourceLocation.Cluster"/>.</summary>
/// <param name="Context">The kubeconfig context (or the API server address) read from.</param>
/// <param name="Namespace">The namespace read, or null for all.</param>
/// <param name="Unavailable">Kinds the cluster does not serve (no Gateway API CRDs), which is not an error.</param>
internal sealed record ClusterSnapshot(IReadOnlyList<ManifestObject> Objects, string Context, string? Namespace, IReadOnlyList<string> Unavailable);

/// <summary>The cluster could not be reached or refused a list; the message is one line.</summary>
internal sealed class ClusterReadException(string message, Exception? innerException = null) : Exception(message, innerException);
