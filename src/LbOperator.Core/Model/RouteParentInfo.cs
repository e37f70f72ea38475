namespace LbOperator.Core.Model;

/// <summary>
/// A route's <c>parentRef</c>, as written. Kind Service with group "" attaches the route to that Service
/// (Gateway API mesh); an absent group means gateway.networking.k8s.io, so it must be written as "".
/// </summary>
public sealed record RouteParentInfo(string? Group, string? Kind, string? Namespace, string Name)
{
    public bool IsService => Group is { Length: 0 } && string.Equals(Kind, "Service", StringComparison.Ordinal);
}
