namespace LbOperator.Core.Model;

/// <summary>The load-balancing view of a core/v1 Service.</summary>
/// <param name="TrafficDistribution"><c>spec.trafficDistribution</c> as written (PreferClose, PreferSameZone, PreferSameNode) or null.</param>
public sealed record ServiceInfo(
    string Namespace,
    string Name,
    ServiceType Type,
    TrafficPolicy ExternalTrafficPolicy,
    TrafficPolicy InternalTrafficPolicy,
    string? TrafficDistribution,
    SessionAffinity SessionAffinity,
    IReadOnlyDictionary<string, string> Annotations)
{
    public ObjectRef Ref => new(ObjectKind.Service, Namespace, Name);
}
