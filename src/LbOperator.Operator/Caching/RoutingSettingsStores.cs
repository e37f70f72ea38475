using k8s.Models;
using LbOperator.Kubernetes.GatewayApi;
using LbOperator.Kubernetes.MetalLb;
using LbOperator.Runtime;

namespace LbOperator.Operator.Caching;

/// <summary>
/// The caches of what shapes routing besides the audited kinds: IngressClasses, GRPCRoutes,
/// ReferenceGrants and MetalLB advertisements. <see cref="ReferenceGrantsKnown"/> is false while the
/// ReferenceGrant API is not watched, so cross-namespace references are then not judged rather than all refused.
/// </summary>
public sealed record RoutingSettingsStores(
    IObjectStore<V1IngressClass> IngressClasses,
    IObjectStore<GrpcRoute> GrpcRoutes,
    IObjectStore<ReferenceGrant> ReferenceGrants,
    Func<bool> ReferenceGrantsKnown,
    IObjectStore<MetalLbAdvertisement>? L2Advertisements = null,
    IObjectStore<MetalLbAdvertisement>? BgpAdvertisements = null);
