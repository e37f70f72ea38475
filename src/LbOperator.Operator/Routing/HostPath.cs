namespace LbOperator.Operator.Routing;

/// <summary>
/// One Ingress host+path. Not namespaced: ingress-nginx merges a canary into the main Ingress of the
/// same host and path, so both must be re-audited together.
/// </summary>
internal readonly record struct HostPath(string Host, string Path);
