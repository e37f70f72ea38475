using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.Routes;

/// <summary>
/// The index of mesh routes, kept from one analysis to the next while the view reports the same
/// <see cref="IClusterView.RoutesVersion"/>: built for each Service analysis, it would read every HTTPRoute
/// and GRPCRoute once per Service, a full audit growing with Services × routes. A view without a routes
/// version gets the index built for each analysis. Safe to share between threads: the index is only read.
/// </summary>
internal sealed class MeshRoutesCache
{
    private volatile Entry? _last;

    public MeshRoutes For(IClusterView view)
    {
        // The version is read before the routes: a change in between stores a newer index under an older
        // version, which the next analysis sees as stale and builds again.
        if (view.RoutesVersion is not { } version)
        {
            return new MeshRoutes(view);
        }

        if (_last is { } last && ReferenceEquals(last.View, view) && last.Version == version)
        {
            return last.Routes;
        }

        var routes = new MeshRoutes(view);
        _last = new Entry(view, version, routes);
        return routes;
    }

    private sealed record Entry(IClusterView View, long Version, MeshRoutes Routes);
}
