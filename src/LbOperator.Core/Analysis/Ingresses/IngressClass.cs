using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.Ingresses;

/// <summary>Which Ingresses ingress-nginx serves, so that its canary and balancing annotations apply.</summary>
internal static class IngressClass
{
    private const string Nginx = "nginx";

    /// <summary>
    /// <c>spec.ingressClassName</c> wins over the legacy annotation; an Ingress with neither is
    /// taken as nginx, the common default class.
    /// </summary>
    public static bool IsNginx(IngressInfo ingress)
    {
        var className = ingress.IngressClassName;
        if (className is null)
        {
            ingress.Annotations.TryGetValue(NginxAnnotations.LegacyClass, out className);
        }

        return className is null || string.Equals(className.Trim(), Nginx, StringComparison.Ordinal);
    }

    public static bool IsCanary(IngressInfo ingress) =>
        IsNginx(ingress)
        && ingress.Annotations.TryGetValue(NginxAnnotations.Canary, out var value)
        && string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
