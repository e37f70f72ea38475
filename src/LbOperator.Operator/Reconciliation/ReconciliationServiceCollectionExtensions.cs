using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Operator.Caching;
using LbOperator.Operator.Events;
using LbOperator.Operator.Publishing;
using LbOperator.Operator.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LbOperator.Operator.Reconciliation;

public static class ReconciliationServiceCollectionExtensions
{
    /// <summary>
    /// Registers the reconcile domain: the cache-backed <see cref="IClusterView"/> (also for the webhook),
    /// the EndpointSlice index, dependency routing, published state, metrics and Event publishing, and the
    /// <see cref="IReconciler"/>. Expects the runtime's registrations: the five <c>IObjectStore&lt;T&gt;</c>,
    /// <c>ICacheReadiness</c>, <c>ILeadership</c>, <c>IApiWriteGate</c>, <c>IKubernetes</c> and
    /// <c>OperatorMetrics</c>. <see cref="AnalysisPolicy"/> defaults to the built-in thresholds unless the
    /// host registers one bound from <c>LbOperator:Policy</c>; <see cref="EventSource"/> defaults to
    /// <c>lb-operator</c> with the pod name from <c>POD_NAME</c>.
    /// </summary>
    public static IServiceCollection AddReconciliation(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(AnalysisPolicy.Default);
        services.TryAddSingleton(_ => EventSource.FromEnvironment());
        services.TryAddSingleton<EndpointSliceIndex>();
        services.TryAddSingleton<CacheClusterView>();
        services.TryAddSingleton<IClusterView>(provider => provider.GetRequiredService<CacheClusterView>());
        services.TryAddSingleton<DependencyRouter>();
        services.TryAddSingleton<PublishedStates>();
        services.TryAddSingleton<MetricsPublisher>();
        services.TryAddSingleton<IEventPublisher, KubernetesEventPublisher>();
        services.TryAddSingleton<AuditedObjectReader>();
        services.TryAddSingleton<IReconciler, Reconciler>();
        return services;
    }
}
