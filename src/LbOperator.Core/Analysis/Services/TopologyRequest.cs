using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.Services;

/// <summary>Whether a Service asks for topology routing, and how it says so (for notes and messages).</summary>
internal sealed record TopologyRequest(TopologyScope Scope, string Source)
{
    public const string TopologyModeAnnotation = "service.kubernetes.io/topology-mode";

    /// <summary>The annotation clusters before 1.27 use.</summary>
    public const string LegacyHintsAnnotation = "service.kubernetes.io/topology-aware-hints";

    public static TopologyRequest None { get; } = new(TopologyScope.None, string.Empty);

    public static TopologyRequest Of(ServiceInfo service)
    {
        switch (service.TrafficDistribution)
        {
            case "PreferClose":
            case "PreferSameZone":
                return new(TopologyScope.Zone, $"trafficDistribution {service.TrafficDistribution}");
            case "PreferSameNode":
                return new(TopologyScope.Node, "trafficDistribution PreferSameNode");
        }

        foreach (var key in (ReadOnlySpan<string>)[TopologyModeAnnotation, LegacyHintsAnnotation])
        {
            if (service.Annotations.TryGetValue(key, out var value)
                && string.Equals(value.Trim(), "auto", StringComparison.OrdinalIgnoreCase))
            {
                return new(TopologyScope.Zone, $"{key}: {value}");
            }
        }

        return None;
    }
}
