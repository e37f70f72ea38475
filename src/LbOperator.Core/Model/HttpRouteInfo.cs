namespace LbOperator.Core.Model;

/// <summary>A gateway.networking.k8s.io/v1 HTTPRoute.</summary>
public sealed record HttpRouteInfo(
    string Namespace,
    string Name,
    IReadOnlyDictionary<string, string> Annotations,
    IReadOnlyList<HttpRouteRuleInfo> Rules)
{
    public ObjectRef Ref => new(ObjectKind.HttpRoute, Namespace, Name);
}
