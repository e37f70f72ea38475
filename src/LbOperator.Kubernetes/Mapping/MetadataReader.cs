using k8s.Models;

namespace LbOperator.Kubernetes.Mapping;

/// <summary>
/// Reads the metadata fields every mapper needs, with the API server's defaults; the one place that says
/// an object without a namespace is in <c>default</c>.
/// </summary>
public static class MetadataReader
{
    public const string DefaultNamespace = "default";

    private static readonly IReadOnlyDictionary<string, string> NoEntries = new Dictionary<string, string>();

    public static string NamespaceOf(V1ObjectMeta? metadata) =>
        string.IsNullOrEmpty(metadata?.NamespaceProperty) ? DefaultNamespace : metadata.NamespaceProperty;

    public static IReadOnlyDictionary<string, string> AnnotationsOf(V1ObjectMeta? metadata) =>
        metadata?.Annotations is { Count: > 0 } annotations
            ? new Dictionary<string, string>(annotations, StringComparer.Ordinal)
            : NoEntries;

    public static string? LabelOf(V1ObjectMeta? metadata, string key) =>
        metadata?.Labels is { } labels && labels.TryGetValue(key, out var value) ? value : null;
}
