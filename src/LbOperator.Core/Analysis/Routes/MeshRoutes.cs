using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.Routes;

/// <summary>
/// Gateway API mesh routes: an HTTPRoute or GRPCRoute whose parentRef is a Service (group "", kind
/// Service) takes over the traffic sent to that Service (https://gateway-api.sigs.k8s.io/mesh/).
/// Indexed once per analysis run, or once per routes version (<see cref="MeshRoutesCache"/>); only read afterwards.
/// </summary>
internal sealed class MeshRoutes
{
    private readonly Dictionary<(string Namespace, string Name), List<HttpRouteInfo>> _byService = [];

    public MeshRoutes(IClusterView view)
    {
        foreach (var route in view.HttpRoutes.Concat(view.GrpcRoutes))
        {
            foreach (var parent in route.ParentRefs ?? [])
            {
                if (!parent.IsService)
                {
                    continue;
                }

                var key = (parent.Namespace ?? route.Namespace, parent.Name);
                if (!_byService.TryGetValue(key, out var routes))
                {
                    routes = [];
                    _byService[key] = routes;
                }

                routes.Add(route);
            }
        }

        foreach (var routes in _byService.Values)
        {
            routes.Sort((a, b) => string.CompareOrdinal(a.Ref.ToString(), b.Ref.ToString()));
        }
    }

    /// <summary>The mesh routes attached to a Service, ordered by kind, namespace and name; empty when none.</summary>
    public IReadOnlyList<HttpRouteInfo> Of(ServiceInfo service) =>
        _byService.TryGetValue((service.Namespace, service.Name), out var routes) ? routes : [];
}
