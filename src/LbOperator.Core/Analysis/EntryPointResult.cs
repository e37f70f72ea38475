namespace LbOperator.Core.Analysis;

/// <summary>
/// The computed spread for one entry point. <see cref="Endpoints"/> is sorted by share, largest first.
/// <see cref="Skew"/> is max share / (1 / pool size); 1.0 is even, and it is 0 when the pool is empty.
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
    IReadOnlyList<string> Notes);
