namespace LbOperator.Core.Model;

/// <summary>One host+path of an Ingress. <paramref name="Host"/> is empty for rules without a host.</summary>
public sealed record IngressPathInfo(string Host, string Path, string? PathType, IngressBackendInfo Backend);
