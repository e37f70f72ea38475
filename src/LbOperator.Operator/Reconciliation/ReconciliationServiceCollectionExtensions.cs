using k8s;
using k8s.Models;
using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Operator.Caching;
using LbOperator.Kubernetes.GatewayApi;
using LbOperator.Runtime.Events;
using LbOperator.Runtime.Metrics;
using LbOperator.Operator.Informers;
using LbOperator.Operator.Metrics;
using LbOperator.Operator.Options;
using LbOperator.Operator.Publishing;
using LbOperator.Operator.Routing;
using LbOperator.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LbOperator.Operator.Reconciliation;

public static class ReconciliationServiceCollectionExtensions
{
    /// <summary>
    /// Registers the reconcile domain: the cache-backed <see cref="IClusterView"/> (also for the webhook),
    /// the EndpointSlice index, dependency routing, published state, metrics and Event publishing, and the
    /// <see cref="IReconciler"/>. Expects the runtime's registrations: <c>ICacheReadiness</c>,
    /// <c>ILeadership</c>, <c>IApiWriteGate</c>, <c>IKubernetes</c>, <c>OperatorMetrics</c>, and either
    /// <c>ClusterCaches</c> or the five <c>IObjectStore&lt;T&gt;</c>. <see cref="AnalysisPolicy"/> is the registered
    /// one (<c>AddAnalysisPolicy</c>), else the built-in thresholds; the <see cref="EventRecorder"/> lists earlier Events in the registered <c>WatchScope</c>; <see cref="EventSource"/> is <c>lb-operator</c> with the pod name from <c>POD_NAME</c>.
    /// Connect the caches to the queue with <c>ChangeFeed.Connect</c> before the caches start.
    /// </summary>
    public static IServiceCollection AddReconciliation(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(AnalysisPolicy.Default);
        services.TryAddSingleton<IObjectStore<V1Service>>(provider => provider.GetRequiredService<ClusterCaches>().Services);
        services.TryAddSingleton<IObjectStore<V1EndpointSlice>>(provider => provider.GetRequiredService<ClusterCaches>().EndpointSlices);
        services.TryAddSingleton<IObjectStore<V1Node>>(provider => provider.GetRequiredService<ClusterCaches>().Nodes);
        services.TryAddSingleton<IObjectStore<V1Ingress>>(provider => provider.GetRequiredService<ClusterCaches>().Ingresses);
        services.TryAddSingleton<IObjectStore<HttpRoute>>(provider => provider.GetRequiredService<ClusterCaches>().HttpRoutes);
        services.TryAddSingleton<EndpointSliceIndex>();
        services.TryAddSingleton(provider => new CacheClusterView(
            provider.GetRequiredService<IObjectStore<V1Service>>(),
            provider.GetRequiredService<IObjectStore<V1EndpointSlice>>(),
            provider.GetRequiredService<IObjectStore<V1Node>>(),
            provider.GetRequiredService<IObjectStore<V1Ingress>>(),
            provider.GetRequiredService<IObjectStore<HttpRoute>>(),
            provider.GetRequiredService<EndpointSliceIndex>(),
            RoutingSettingsOf(provider)));
        services.TryAddSingleton<IClusterView>(provider => provider.GetRequiredService<CacheClusterView>());
        services.TryAddSingleton<DependencyRouter>();
        services.TryAddSingleton<PublishedStates>();
        services.TryAddSingleton<StateMetrics>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IScrapeWriter, StateMetrics>(provider => provider.GetRequiredService<StateMetrics>()));
        services.AddEventRecorder();
        services.TryAddSingleton(provider => new AuditedObjectReader(
            provider.GetRequiredService<IObjectStore<V1Service>>(),
            provider.GetRequiredService<IObjectStore<V1Ingress>>(),
            provider.GetRequiredService<IObjectStore<HttpRoute>>(),
            provider.GetRequiredService<IClusterView>(),
            RoutingSettingsOf(provider)?.GrpcRoutes));
        services.TryAddSingleton<IReconciler, Reconciler>();
        return services;
    }

    /// <summary>The IngressClass, GRPCRoute and ReferenceGrant caches: registered, else from <c>ClusterCaches</c>, else none.</summary>
    private static RoutingSettingsStores? RoutingSettingsOf(IServiceProvider provider) =>
        provider.GetService<RoutingSettingsStores>()
        ?? (provider.GetService<ClusterCaches>() is { } caches
            ? new RoutingSettingsStores(caches.IngressClasses, caches.GrpcRoutes, caches.ReferenceGrants, () => caches.ReferenceGrantSupervisor.IsRunning,
                caches.L2Advertisements, caches.BgpAdvertisements)
            : null);
}
