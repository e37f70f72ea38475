using LbOperator.Core.Model;

namespace LbOperator.Operator.Changes;

/// <summary>An Ingress's load-balancing fields: its class, default backend, each host+path's backend and the balancing annotations.</summary>
public static class IngressConfigExtractor
{
    public static LoadBalancingConfig Extract(IngressInfo ingress)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        var fields = new List<KeyValuePair<string, string>>();
        if (!string.IsNullOrEmpty(ingress.IngressClassName))
        {
            fields.Add(new("ingressClassName", ingress.IngressClassName));
        }

        if (ingress.DefaultBackend is not null)
        {
            fields.Add(new("defaultBackend", FormatBackend(ingress.DefaultBackend)));
        }

        var paths = ingress.Paths
            .GroupBy(path => $"path {(path.Host.Length == 0 ? "*" : path.Host)}{path.Path}", StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal);
        foreach (var group in paths)
        {
            fields.Add(new(group.Key, string.Join(", ", group.Select(FormatPath))));
        }

        fields.AddRange(ServiceConfigExtractor.SelectedAnnotations(
            ingress.Annotations.ToDictionary(), LoadBalancingAnnotations.IsIngressAnnotation));
        return new LoadBalancingConfig(fields);
    }

    private static string FormatPath(IngressPathInfo path) =>
        path.PathType is null ? FormatBackend(path.Backend) : $"{FormatBackend(path.Backend)} ({path.PathType})";

    private static string FormatBackend(IngressBackendInfo backend) =>
        backend.IsService
            ? backend.ServicePort is null ? backend.ServiceName! : $"{backend.ServiceName}:{backend.ServicePort}"
            : $"{backend.ResourceKind}/{backend.ResourceName}";
}
