namespace LbOperator.Core.Model;

/// <summary>A networking.k8s.io/v1 Ingress, flattened to its host+path list.</summary>
/// <param name="IngressClassName"><c>spec.ingressClassName</c>; the legacy <c>kubernetes.io/ingress.class</c> annotation stays in <paramref name="Annotations"/>.</param>
public sealed record IngressInfo(
    string Namespace,
    string Name,
    string? IngressClassName,
    IReadOnlyDictionary<string, string> Annotations,
    IReadOnlyList<IngressPathInfo> Paths,
    IngressBackendInfo? DefaultBackend)
{
    public ObjectRef Ref => new(ObjectKind.Ingress, Namespace, Name);
}
