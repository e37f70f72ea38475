namespace LbOperator.Core.Model;

/// <summary>An Ingress backend: either a Service (name and port) or a resource reference.</summary>
public sealed record IngressBackendInfo(
    string? ServiceName,
    string? ServicePort,
    string? ResourceKind,
    string? ResourceName)
{
    public bool IsService => ServiceName is not null;
}
