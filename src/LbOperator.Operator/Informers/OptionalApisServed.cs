namespace LbOperator.Operator.Informers;

/// <summary>Discovery checks for the CRD-backed kinds watched besides HTTPRoutes: GRPCRoutes, ReferenceGrants, MetalLB advertisements.</summary>
public sealed record OptionalApisServed(
    Func<CancellationToken, Task<bool>> GrpcRoutes,
    Func<CancellationToken, Task<bool>> ReferenceGrants,
    Func<CancellationToken, Task<bool>> L2Advertisements,
    Func<CancellationToken, Task<bool>> BgpAdvertisements)
{
    private static readonly Func<CancellationToken, Task<bool>> NotServed = _ => Task.FromResult(false);

    public static OptionalApisServed None { get; } = new(NotServed, NotServed, NotServed, NotServed);

    public static OptionalApisServed From(GatewayApiDiscovery discovery)
    {
        ArgumentNullException.ThrowIfNull(discovery);
        return new(discovery.IsGrpcRouteServedAsync, discovery.IsReferenceGrantServedAsync, discovery.IsL2AdvertisementServedAsync, discovery.IsBgpAdvertisementServedAsync);
    }
}
