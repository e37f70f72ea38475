using k8s.Models;
using LbOperator.Core.Model;

namespace LbOperator.Kubernetes.Mapping;

/// <summary>Maps a Node to its zone and allocatable CPU (topology-aware routing) and its provider id (which cloud load balancer).</summary>
public static class NodeMapper
{
    public const string ZoneLabel = "topology.kubernetes.io/zone";

    public static NodeInfo Map(V1Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var zone = MetadataReader.LabelOf(node.Metadata, ZoneLabel);
        return new NodeInfo(node.Metadata?.Name ?? "", string.IsNullOrEmpty(zone) ? null : zone, AllocatableCpuOf(node), node.Spec?.ProviderID);
    }

    /// <summary>In cores ("3800m" is 3.8); 0 when the node reports none, as a node without a status does.</summary>
    private static double AllocatableCpuOf(V1Node node) =>
        node.Status?.Allocatable is { } allocatable && allocatable.TryGetValue("cpu", out var cpu) && cpu is not null
            ? cpu.ToDouble()
            : 0;
}
