using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.Services;

/// <summary>
/// Whether a Service's spread depends on every Node, including those it has no endpoints on: topology
/// routing (the same request the analysis honours) weighs zones and nodes by allocatable CPU, and Local
/// traffic policies weigh where traffic starts. A change to any Node can then change its analysis.
/// </summary>
public static class NodeDependence
{
    public static bool DependsOnEveryNode(ServiceInfo service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return service.ExternalTrafficPolicy == TrafficPolicy.Local
            || service.InternalTrafficPolicy == TrafficPolicy.Local
            || TopologyRequest.Of(service).Scope != TopologyScope.None;
    }
}
