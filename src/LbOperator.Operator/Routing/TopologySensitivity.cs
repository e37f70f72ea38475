using k8s.Models;

namespace LbOperator.Operator.Routing;

/// <summary>
/// Whether a Service's spread depends on Nodes it has no endpoints on: topology routing weighs zones
/// and nodes by allocatable CPU, and Local traffic policies weigh where traffic starts.
/// </summary>
internal static class TopologySensitivity
{
    public static bool DependsOnAllNodes(V1Service service)
    {
        var spec = service.Spec;
        if (spec is null)
        {
            return false;
        }

        if (!string.IsNullOrEmpty(spec.TrafficDistribution)
            || spec.InternalTrafficPolicy == "Local"
            || spec.ExternalTrafficPolicy == "Local")
        {
            return true;
        }

        var annotations = service.Metadata?.Annotations;
        return annotations is not null
            && ((annotations.TryGetValue("service.kubernetes.io/topology-mode", out var mode) && !string.IsNullOrEmpty(mode) && mode != "Disabled")
                || (annotations.TryGetValue("service.kubernetes.io/topology-aware-hints", out var hints) && !string.IsNullOrEmpty(hints) && hints != "Disabled"));
    }
}
