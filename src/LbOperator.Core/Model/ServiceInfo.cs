namespace LbOperator.Core.Model;

/// <summary>The load-balancing view of a core/v1 Service.</summary>
/// <param name="TrafficDistribution"><c>spec.trafficDistribution</c> as written (PreferClose, PreferSameZone, PreferSameNode) or null.</param>
/// <param name="LoadBalancerClass"><c>spec.loadBalancerClass</c>: which load-balancer controller owns the Service.</param>
/// <param name="Ports"><c>spec.ports</c>; null when the input did not say (backend ports are then not checked).</param>
public sealed record ServiceInfo(
    string Namespace,
    string Name,
    ServiceType Type,
    TrafficPolicy ExternalTrafficPolicy,
    TrafficPolicy InternalTrafficPolicy,
    string? TrafficDistribution,
    SessionAffinity SessionAffinity,
    IReadOnlyDictionary<string, string> Annotations,
    string? LoadBalancerClass = null,
    IReadOnlyList<ServicePortInfo>? Ports = null)
{
    public ObjectRef Ref => new(ObjectKind.Service, Namespace, Name);
}
