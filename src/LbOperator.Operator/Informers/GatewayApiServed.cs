namespace LbOperator.Operator.Informers;

/// <summary>Discovery checks for the Gateway API kinds watched besides HTTPRoutes.</summary>
public sealed record GatewayApiServed(Func<CancellationToken, Task<bool>> GrpcRoutes, Func<CancellationToken, Task<bool>> ReferenceGrants)
{
    public static GatewayApiServed None { get; } = new(_ => Task.FromResult(false), _ => Task.FromResult(false));

    public static GatewayApiServed From(GatewayApiDiscovery discovery)
    {
        ArgumentNullException.ThrowIfNull(discovery);
        return new(discovery.IsGrpcRouteServedAsync, discovery.IsReferenceGrantServedAsync);
    }
}
