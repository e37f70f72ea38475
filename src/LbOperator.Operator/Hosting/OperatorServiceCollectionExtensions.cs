using k8s;
using LbOperator.Operator.Informers;
using LbOperator.Operator.LeaderElection;
using LbOperator.Operator.Metrics;
using LbOperator.Operator.Observed;
using LbOperator.Operator.Options;
using LbOperator.Operator.Queue;
using LbOperator.Operator.Reconciliation;
using LbOperator.Operator.Reports;
using LbOperator.Runtime;
using LbOperator.Runtime.Metrics;
using LbOperator.Runtime.Options;
using LbOperator.Runtime.Writes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LbOperator.Operator.Hosting;

public static class OperatorServiceCollectionExtensions
{
    /// <summary>
    /// Registers the operator: validated <see cref="OperatorOptions"/> (<c>LbOperator:*</c>), the API client,
    /// informer caches (<see cref="ICacheReadiness"/> and the <c>/readyz</c> check), the first audit's progress
    /// (<see cref="IAuditProgress"/>, which the Event recorder waits for), the API write gate, Lease
    /// leadership, the work queue, the reconcile domain, the report writer, observed traffic, and the hosted
    /// service that runs them all. Its instruments and per-object families go into the process's
    /// <see cref="MetricsExposition"/>.
    /// </summary>
    public static IServiceCollection AddLbOperator(this IServiceCollection services, IConfiguration configuration,
        KubernetesClientConfiguration clientConfiguration)
    {
        services.BindValidatedOnStart<OperatorOptions>(configuration.GetSection(OperatorOptions.SectionName));
        services.AddSingleton<IValidateOptions<OperatorOptions>, OperatorOptionsValidator>();
        services.AddSingleton<IPostConfigureOptions<OperatorOptions>>(new OperatorOptionsDefaults(configuration, Environment.GetEnvironmentVariable));
        services.AddAnalysisPolicy(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetricsExposition();
        services.TryAddSingleton<OperatorMetrics>();
        services.TryAddSingleton<ApiWriteMetrics>();
        services.TryAddSingleton(provider => new WatchScope(Options(provider).WatchNamespaces));
        services.AddKubernetesClient(clientConfiguration);

        services.TryAddSingleton(provider => new GatewayApiDiscovery(provider.GetRequiredService<k8s.Kubernetes>()));
        services.TryAddSingleton(provider => new ClusterCaches(
            provider.GetRequiredService<IKubernetes>(),
            Options(provider),
            provider.GetRequiredService<GatewayApiDiscovery>().AskForHttpRoutesAsync,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<OperatorMetrics>(),
            provider.GetRequiredService<ILoggerFactory>(),
            OptionalApisServed.From(provider.GetRequiredService<GatewayApiDiscovery>())));
        services.TryAddSingleton<ICacheReadiness>(provider => provider.GetRequiredService<ClusterCaches>());
        services.TryAddSingleton<AuditProgress>();
        services.TryAddSingleton<IAuditProgress>(provider => provider.GetRequiredService<AuditProgress>());
        services.AddHealthChecks().AddCheck<CacheSyncHealthCheck>(CacheSyncHealthCheck.Name, tags: ["ready"]);

        services.TryAddSingleton(provider => new ApiWriteGate(Options(provider).Api, provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ApiWriteMetrics>(), provider.GetRequiredService<ILoggerFactory>().CreateLogger<ApiWriteGate>()));
        services.TryAddSingleton<IApiWriteGate>(provider => provider.GetRequiredService<ApiWriteGate>());
        services.TryAddSingleton(LeaseLeadershipFrom);
        services.TryAddSingleton<ILeadership>(provider => provider.GetRequiredService<LeaseLeadership>());

        services.TryAddSingleton(provider => new WorkQueue(provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<OperatorMetrics>()));
        services.AddReports();
        services.AddReconciliation();
        services.AddObservedTraffic(configuration);
        services.AddHostedService<OperatorService>();
        return services;
    }

    private static OperatorOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptions<OperatorOptions>>().Value;

    /// <summary>
    /// The lease gets its own token bucket: renewals must never queue behind a burst of Event writes,
    /// or a busy leader would lose its lease.
    /// </summary>
    private static LeaseLeadership LeaseLeadershipFrom(IServiceProvider provider)
    {
        var options = Options(provider);
        var loggers = provider.GetRequiredService<ILoggerFactory>();
        var leaseGate = new ApiWriteGate(options.Api, provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ApiWriteMetrics>(), loggers.CreateLogger<ApiWriteGate>());
        var election = options.LeaderElection;
        var leaseLock = new GatedLeaseLock(provider.GetRequiredService<IKubernetes>(), leaseGate,
            election.LeaseNamespace, election.LeaseName, election.Identity, loggers.CreateLogger<GatedLeaseLock>());
        return new LeaseLeadership(election, ShutdownBudget.Of(options.ShutdownTimeout).LeaseRelease, leaseLock, provider.GetRequiredService<OperatorMetrics>(), loggers.CreateLogger<LeaseLeadership>());
    }
}
