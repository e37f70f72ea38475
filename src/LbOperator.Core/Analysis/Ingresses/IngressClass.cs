using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.Ingresses;

/// <summary>
/// Which controller serves an Ingress. Its class is <c>spec.ingressClassName</c>, else the deprecated
/// <c>kubernetes.io/ingress.class</c> annotation, else the IngressClass marked
/// <c>ingressclass.kubernetes.io/is-default-class: "true"</c>; the class's controller then decides
/// (https://kubernetes.io/docs/concepts/services-networking/ingress/#ingress-class). Without
/// IngressClass objects (a chart render) the class name alone decides: <c>nginx</c> or none is
/// ingress-nginx, <c>alb</c> the ALB, <c>gce</c> GKE.
/// </summary>
internal sealed class IngressClass
{
    public const string NginxController = "k8s.io/ingress-nginx";
    public const string AlbController = "ingress.k8s.aws/alb";

    private readonly Dictionary<string, IngressClassInfo> _classes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _nginxControllers = new(StringComparer.Ordinal) { NginxController };
    private readonly string? _defaultClass;

    public IngressClass(IClusterView view, AnalysisPolicy policy)
    {
        foreach (var ingressClass in view.IngressClasses)
        {
            _classes[ingressClass.Name] = ingressClass;
        }

        foreach (var controller in policy.IngressNginxControllers ?? [])
        {
            _nginxControllers.Add(controller);
        }

        var defaults = _classes.Values.Where(c => c.IsDefault).Select(c => c.Name).Order(StringComparer.Ordinal).ToArray();

        // The API server refuses a classless Ingress when two classes claim the default; none is then served.
        _defaultClass = defaults.Length == 1 ? defaults[0] : null;
    }

    /// <summary>The class an Ingress belongs to after defaulting; null when it names none and no class is the default.</summary>
    public string? ClassOf(IngressInfo ingress)
    {
        var className = ingress.IngressClassName;
        if (className is null && ingress.Annotations.TryGetValue(NginxAnnotations.LegacyClass, out var legacy))
        {
            className = legacy.Trim();
        }

        return className ?? _defaultClass;
    }

    public IngressController ControllerOf(IngressInfo ingress)
    {
        var className = ClassOf(ingress);
        if (_classes.Count == 0)
        {
            return className switch
            {
                null or "nginx" => IngressController.Nginx,
                "alb" => IngressController.Alb,
                "gce" or "gce-internal" => IngressController.Gce,
                _ => IngressController.Other,
            };
        }

        if (className is null || !_classes.TryGetValue(className, out var resolved))
        {
            return className is "gce" or "gce-internal" ? IngressController.Gce : IngressController.Other;
        }

        return _nginxControllers.Contains(resolved.Controller) ? IngressController.Nginx
            : resolved.Controller == AlbController ? IngressController.Alb
            : IngressController.Other;
    }

    public static bool IsCanary(IngressInfo ingress) =>
        ingress.Annotations.TryGetValue(NginxAnnotations.Canary, out var value)
        && string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
