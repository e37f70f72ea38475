namespace LbOperator.Core.Analysis;

/// <summary>
/// The computed spread for one entry point. <see cref="Endpoints"/> is sorted by share, largest first.
/// <see cref="Skew"/> is max share / (1 / pool size); 1.0 is even, and it is 0 when the pool is empty.
/// <see cref="EndpointsKnown"/> is false when the input does not describe a backend's endpoints (a chart
/// rendered without EndpointSlices): an empty pool then means "not evaluated", not "no endpoints".
/// </summary>
public sealed record EntryPointResult(
    EntryPoint EntryPoint,
    IReadOnlyList<BackendShare> Backends,
    IReadOnlyList<EndpointShare> Endpoints,
    int PoolSize,
    double Skew,
    double BlackholedShare,
    SkewCause Cause,
    IReadOnlyList<GroupShare> Nodes,
    IReadOnlyList<GroupShare> Zones,
    IReadOnlyList<string> Notes,
    bool EndpointsKnown = true);
