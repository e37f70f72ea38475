namespace LbOperator.Core.Model;

/// <summary>One rule of an HTTPRoute; <paramref name="Name"/> is the optional <c>rules[].name</c>.</summary>
public sealed record HttpRouteRuleInfo(string? Name, IReadOnlyList<HttpBackendRefInfo> BackendRefs);
