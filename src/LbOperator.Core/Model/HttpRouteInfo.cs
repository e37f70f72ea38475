namespace LbOperator.Core.Model;

/// <summary>
/// A gateway.networking.k8s.io/v1 HTTPRoute, or a GRPCRoute (<paramref name="Kind"/>): both split a rule's
/// traffic over weighted backendRefs the same way, so one record carries both.
/// </summary>
/// <param name="ParentRefs"><c>spec.parentRefs</c>; a Service parent makes it a mesh route for that Service.</param>
public sealed record HttpRouteInfo(
    string Namespace,
    string Name,
    IReadOnlyDictionary<string, string> Annotations,
    IReadOnlyList<HttpRouteRuleInfo> Rules,
    IReadOnlyList<RouteParentInfo>? ParentRefs = null,
    ObjectKind Kind = ObjectKind.HttpRoute)
{
    public ObjectRef Ref => new(Kind, Namespace, Name);
}
