using System.Globalization;
using k8s.Models;

namespace LbOperator.Operator.Changes;

/// <summary>
/// Reads a Service's load-balancing fields from the API object itself: the core model leaves out the
/// selector and the ports, which matter here. Fields the API server defaults are read with their
/// default, so defaulting never looks like a change.
/// </summary>
public static class ServiceConfigExtractor
{
    public static LoadBalancingConfig Extract(V1Service service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var spec = service.Spec ?? new V1ServiceSpec();
        var fields = new List<KeyValuePair<string, string>>
        {
            new("type", spec.Type ?? "ClusterIP"),
            new("externalTrafficPolicy", spec.ExternalTrafficPolicy ?? "Cluster"),
            new("internalTrafficPolicy", spec.InternalTrafficPolicy ?? "Cluster"),
        };
        AddIfSet(fields, "trafficDistribution", spec.TrafficDistribution);
        fields.Add(new("sessionAffinity", spec.SessionAffinity ?? "None"));
        AddIfSet(fields, "loadBalancerClass", spec.LoadBalancerClass);
        AddIfSet(fields, "selector", FormatSelector(spec.Selector));
        AddIfSet(fields, "ports", FormatPorts(spec.Ports));
        fields.AddRange(SelectedAnnotations(service.Metadata?.Annotations, LoadBalancingAnnotations.IsServiceAnnotation));
        return new LoadBalancingConfig(fields);
    }

    internal static IEnumerable<KeyValuePair<string, string>> SelectedAnnotations(
        IDictionary<string, string>? annotations, Func<string, bool> isLoadBalancing) =>
        (annotations ?? new Dictionary<string, string>())
            .Where(pair => isLoadBalancing(pair.Key))
            .OrderBy(pair => pair.Key, StringComparer.Ordinal);

    private static void AddIfSet(List<KeyValuePair<string, string>> fields, string field, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            fields.Add(new(field, value));
        }
    }

    private static string? FormatSelector(IDictionary<string, string>? selector) =>
        selector is null || selector.Count == 0
            ? null
            : string.Join(",", selector.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}"));

    /// <summary><c>name:port/protocol:targetPort</c>; node ports are left out because the API server allocates them.</summary>
    private static string? FormatPorts(IList<V1ServicePort>? ports)
    {
        if (ports is null || ports.Count == 0)
        {
            return null;
        }

        return string.Join(", ", ports
            .OrderBy(port => port.Port)
            .ThenBy(port => port.Protocol, StringComparer.Ordinal)
            .Select(port =>
            {
                var target = port.TargetPort?.Value ?? port.Port.ToString(CultureInfo.InvariantCulture);
                var front = $"{port.Port.ToString(CultureInfo.InvariantCulture)}/{port.Protocol ?? "TCP"}:{target}";
                return string.IsNullOrEmpty(port.Name) ? front : $"{port.Name}:{front}";
            }));
    }
}
