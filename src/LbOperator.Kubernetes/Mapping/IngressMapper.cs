using k8s.Models;
using LbOperator.Core.Model;

namespace LbOperator.Kubernetes.Mapping;

/// <summary>Flattens a networking.k8s.io/v1 Ingress to its host+path list.</summary>
public static class IngressMapper
{
    public static IngressInfo Map(V1Ingress ingress)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        var spec = ingress.Spec;
        var paths = new List<IngressPathInfo>();
        foreach (var rule in spec?.Rules ?? [])
        {
            foreach (var path in rule.Http?.Paths ?? [])
            {
                paths.Add(new IngressPathInfo(
                    rule.Host ?? "",
                    string.IsNullOrEmpty(path.Path) ? "/" : path.Path,
                    path.PathType,
                    MapBackend(path.Backend)));
            }
        }

        return new IngressInfo(
            MetadataReader.NamespaceOf(ingress.Metadata),
            ingress.Metadata?.Name ?? "",
            spec?.IngressClassName,
            MetadataReader.AnnotationsOf(ingress.Metadata),
            paths,
            spec?.DefaultBackend is { } defaultBackend ? MapBackend(defaultBackend) : null);
    }

    private static IngressBackendInfo MapBackend(V1IngressBackend? backend)
    {
        if (backend?.Service is { } service)
        {
            var port = service.Port?.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? service.Port?.Name;
            return new IngressBackendInfo(service.Name, port, null, null);
        }

        return new IngressBackendInfo(null, null, backend?.Resource?.Kind, backend?.Resource?.Name);
    }
}
