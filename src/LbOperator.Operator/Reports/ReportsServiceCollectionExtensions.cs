using LbOperator.Operator.Informers;
using LbOperator.Operator.LeaderElection;
using LbOperator.Operator.Options;
using LbOperator.Operator.Reconciliation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prometheus;

namespace LbOperator.Operator.Reports;

public static class ReportsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the report writer (a hosted service) and, while <c>LbOperator:Reports:Enabled</c>, the
    /// reconciler wrapped so that each reconcile marks its namespace. Call before
    /// <see cref="ReconciliationServiceCollectionExtensions.AddReconciliation"/>, whose plain reconciler
    /// is then only the fallback. Expects the runtime's registrations (<c>k8s.Kubernetes</c>, the write
    /// gate, leadership, the metrics registry, <c>OperatorOptions</c>).
    /// </summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(provider =>
        {
            var namespaces = new ReportNamespaces();
            if (provider.GetService<LeaseLeadership>() is { } leadership)
            {
                leadership.LeadershipGained += namespaces.MarkAll;
            }

            return namespaces;
        });
        services.TryAddSingleton<IReconciler>(provider =>
        {
            var reconciler = ActivatorUtilities.CreateInstance<Reconciler>(provider);
            return Options(provider).Reports.Enabled
                ? new ReportingReconciler(reconciler, provider.GetRequiredService<ReportNamespaces>())
                : reconciler;
        });
        services.TryAddSingleton(provider => new ReportMetrics(provider.GetRequiredService<CollectorRegistry>()));
        services.TryAddSingleton<NamespaceAuditReader>();
        services.TryAddSingleton<ReportApiClient>();
        services.TryAddSingleton(provider => new ReportKeeper(provider.GetRequiredService<ReportApiClient>(),
            provider.GetRequiredService<ReportMetrics>(), provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger<ReportKeeper>()));
        services.TryAddSingleton(provider => new ReportApiPresence(
            provider.GetRequiredService<GatewayApiDiscovery>().AskAsync,
            Options(provider).CrdCheckInterval,
            provider.GetRequiredService<TimeProvider>()));
        services.AddHostedService<ReportWriter>();
        return services;
    }

    private static OperatorOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptions<OperatorOptions>>().Value;
}
