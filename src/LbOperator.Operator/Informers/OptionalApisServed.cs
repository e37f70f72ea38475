namespace LbOperator.Operator.Informers;

/// <summary>Discovery checks for the CRD-backed kinds watched besides HTTPRoutes: GRPCRoutes, ReferenceGrants, MetalLB advertisements.</summary>
public sealed record OptionalApisServed(
    Func<CancellationToken, Task<DiscoveryAnswer>> GrpcRoutes,
    Func<CancellationToken, Task<DiscoveryAnswer>> ReferenceGrants,
    Func<CancellationToken, Task<DiscoveryAnswer>> L2Advertisements,
    Func<CancellationToken, Task<DiscoveryAnswer>> BgpAdvertisements)
{
    private static readonly Func<CancellationToken, Task<DiscoveryAnswer>> NotServed = _ => Task.FromResult(DiscoveryAnswer.NotServed);

    public static OptionalApisServed None { get; } = new(NotServed, NotServed, NotServed, NotServed);

    public static OptionalApisServed From(GatewayApiDiscovery discovery)
    {
        ArgumentNullException.ThrowIfNull(discovery);
        return new(discovery.AskForGrpcRoutesAsync, discovery.AskForReferenceGrantsAsync, discovery.AskForL2AdvertisementsAsync, discovery.AskForBgpAdvertisementsAsync);
    }
}
