using LbOperator.Kubernetes.Mapping;

namespace LbOperator.Kubernetes.Manifests;

/// <summary>How inputs are read.</summary>
/// <param name="DefaultNamespace">The namespace of objects that name none, as <c>kubectl apply -n</c> would give them.</param>
/// <param name="ExcludedPaths">Globs (<c>*</c>, <c>**</c>, <c>?</c>) of files inside directories that are not read.</param>
public sealed record ManifestReadOptions(string DefaultNamespace = MetadataReader.DefaultNamespace, IReadOnlyList<string>? ExcludedPaths = null)
{
    public static ManifestReadOptions Default { get; } = new();
}
