using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.Routes;

/// <summary>
/// The index of mesh routes, kept per <see cref="IClusterView.RoutesVersion"/>: built for each Service analysis,
/// it would read every HTTPRoute and GRPCRoute once per Service, a full audit growing with Services × routes.
/// </summary>
internal sealed class MeshRoutesCache
{
    private readonly PerVersion<MeshRoutes> _index = new();

    public MeshRoutes For(IClusterView view) => _index.Get(view, view.RoutesVersion, () => new MeshRoutes(view));
}
