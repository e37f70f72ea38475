using System.Reflection;
using k8s;
using k8s.Models;
using LbOperator.Chart.Tests.CustomResources;

namespace LbOperator.Chart.Tests.Infrastructure;

/// <summary>
/// <c>apiVersion/kind</c> → typed model: every built-in kind KubernetesClient knows, plus the small
/// models of the CRD kinds the chart renders. A kind in neither is an error, not a pass.
/// </summary>
public static class KindCatalogue
{
    private static readonly IReadOnlyDictionary<string, Type> Types = Build();

    public static Type Resolve(string apiVersion, string kind) =>
        Types.TryGetValue($"{apiVersion}/{kind}", out var type)
            ? type
            : throw new InvalidOperationException($"no typed model for {apiVersion}/{kind}: add one under CustomResources/.");

    private static Dictionary<string, Type> Build()
    {
        var types = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var type in typeof(V1Pod).Assembly.GetTypes().Concat(typeof(ServiceMonitor).Assembly.GetTypes()))
        {
            var entity = type.GetCustomAttribute<KubernetesEntityAttribute>();
            if (entity is null || type.IsAbstract || !typeof(IKubernetesObject).IsAssignableFrom(type) || type.Name.EndsWith("List", StringComparison.Ordinal))
            {
                continue;
            }

            var apiVersion = string.IsNullOrEmpty(entity.Group) ? entity.ApiVersion : $"{entity.Group}/{entity.ApiVersion}";
            types[$"{apiVersion}/{entity.Kind}"] = type;
        }

        return types;
    }
}
