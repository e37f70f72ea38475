namespace LbOperator.Core.Model;

/// <summary>A route's <c>parentRef</c>. Kind Service with group "" attaches the route to that Service (Gateway API mesh).</summary>
public sealed record RouteParentInfo(string? Group, string? Kind, string? Namespace, string Name)
{
    public bool IsService => string.IsNullOrEmpty(Group) && string.Equals(Kind, "Service", StringComparison.Ordinal);
}
