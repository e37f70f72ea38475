using k8s.Models;
using LbOperator.Core.Model;

namespace LbOperator.Kubernetes.Mapping;

/// <summary>Maps a core/v1 Service, applying the defaults the API server would have filled in.</summary>
public static class ServiceMapper
{
    public static ServiceInfo Map(V1Service service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var spec = service.Spec;
        return new ServiceInfo(
            MetadataReader.NamespaceOf(service.Metadata),
            service.Metadata?.Name ?? "",
            ParseType(spec?.Type),
            ParsePolicy(spec?.ExternalTrafficPolicy),
            ParsePolicy(spec?.InternalTrafficPolicy),
            spec?.TrafficDistribution,
            string.Equals(spec?.SessionAffinity, "ClientIP", StringComparison.Ordinal) ? SessionAffinity.ClientIP : SessionAffinity.None,
            MetadataReader.AnnotationsOf(service.Metadata),
            spec?.LoadBalancerClass,
            spec?.Ports?.Select(port => new ServicePortInfo(string.IsNullOrEmpty(port.Name) ? null : port.Name, port.Port)).ToArray());
    }

    private static ServiceType ParseType(string? type) => type switch
    {
        "NodePort" => ServiceType.NodePort,
        "LoadBalancer" => ServiceType.LoadBalancer,
        "ExternalName" => ServiceType.ExternalName,
        _ => ServiceType.ClusterIP,
    };

    private static TrafficPolicy ParsePolicy(string? policy) =>
        string.Equals(policy, "Local", StringComparison.Ordinal) ? TrafficPolicy.Local : TrafficPolicy.Cluster;
}
