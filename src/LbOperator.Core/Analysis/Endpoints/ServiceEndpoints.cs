namespace LbOperator.Core.Analysis.Endpoints;

/// <summary>The endpoints of one Service after merging all of its EndpointSlices.</summary>
/// <param name="Ready">The endpoints that receive traffic (the terminating fallback when nothing is ready).</param>
/// <param name="Counted">Distinct endpoints that are not terminating; the base of "more than half not ready".</param>
/// <param name="NotReady">Distinct endpoints that are not terminating and not ready.</param>
/// <param name="UsesTerminatingFallback">True when no endpoint was ready and kube-proxy's serving+terminating fallback applies.</param>
internal sealed record ServiceEndpoints(
    ReadyEndpoint[] Ready,
    int Counted,
    int NotReady,
    bool UsesTerminatingFallback)
{
    public static ServiceEndpoints None { get; } = new([], 0, 0, false);
}
