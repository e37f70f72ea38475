using System.Globalization;
using LbOperator.Core.Model;

namespace LbOperator.Operator.Changes;

/// <summary>An HTTPRoute's load-balancing fields: the backendRefs of each rule with their weights.</summary>
public static class HttpRouteConfigExtractor
{
    public static LoadBalancingConfig Extract(HttpRouteInfo route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var fields = new List<KeyValuePair<string, string>>();
        for (var index = 0; index < route.Rules.Count; index++)
        {
            var rule = route.Rules[index];
            var field = string.IsNullOrEmpty(rule.Name) ? $"rules[{index}]" : $"rules[{rule.Name}]";
            var value = rule.BackendRefs.Count == 0
                ? "(no backends)"
                : string.Join(", ", rule.BackendRefs.Select(backend => FormatBackend(route.Namespace, backend)));
            fields.Add(new(field, value));
        }

        return new LoadBalancingConfig(fields);
    }

    /// <summary><c>[Kind ][namespace/]name[:port] weight N</c>; the namespace only when it is not the route's own.</summary>
    private static string FormatBackend(string routeNamespace, HttpBackendRefInfo backend)
    {
        var kind = backend.Kind is null or "Service" ? string.Empty : $"{backend.Kind} ";
        var ns = backend.Namespace is null || backend.Namespace == routeNamespace ? string.Empty : $"{backend.Namespace}/";
        var port = backend.Port is null ? string.Empty : $":{backend.Port.Value.ToString(CultureInfo.InvariantCulture)}";
        var weight = (backend.Weight ?? 1).ToString(CultureInfo.InvariantCulture);
        return $"{kind}{ns}{backend.Name}{port} weight {weight}";
    }
}
