using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Kubernetes.Observed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prometheus;

namespace LbOperator.Operator.Observed;

public static class ObservedServiceCollectionExtensions
{
    /// <summary>
    /// Key of an optional keyed <see cref="TimeProvider"/> for observed-traffic monitoring alone: its
    /// intervals and query times then follow that clock, so recorded series can be replayed.
    /// </summary>
    public const string ClockKey = "observed-traffic";

    /// <summary>The longest a query may take; shorter when the interval is shorter.</summary>
    private static readonly TimeSpan MaxQueryTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Registers observed-traffic monitoring: validated <see cref="ObservedOptions"/> from
    /// <c>LbOperator:Observed</c> and the hosted service, which stays idle while no Prometheus URL is set.
    /// Expects the reconcile domain's registrations (<see cref="IClusterView"/>, <see cref="AnalysisPolicy"/>,
    /// the Event publisher and <c>AuditedObjectReader</c>) and a <see cref="CollectorRegistry"/>.
    /// </summary>
    public static IServiceCollection AddObservedTraffic(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptionsWithValidateOnStart<ObservedOptions>().Bind(configuration.GetSection(ObservedOptions.SectionName));
        services.AddSingleton<IValidateOptions<ObservedOptions>, ObservedOptionsValidator>();
        services.TryAddSingleton<ObservedSnapshot>();
        services.TryAddSingleton(provider => new ObservedMetrics(provider.GetRequiredService<CollectorRegistry>(), provider.GetRequiredService<ObservedSnapshot>()));
        services.TryAddSingleton<ObservedEventSink>();
        services.TryAddSingleton<ObservedAnnouncer>();
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ObservedOptions>>().Value;
            var timeout = options.IntervalValue < MaxQueryTimeout ? options.IntervalValue : MaxQueryTimeout;
            var http = new HttpClient { Timeout = timeout };
            return new ObservedRatesCollector(new PrometheusClient(http, new Uri(options.PrometheusUrl.Trim())), options.ToSettings());
        });
        services.TryAddSingleton(provider => new ObservedTrafficMonitor(
            provider.GetRequiredService<IOptions<ObservedOptions>>().Value,
            provider.GetRequiredService<ObservedRatesCollector>(),
            provider.GetRequiredService<IClusterView>(),
            provider.GetRequiredService<AnalysisPolicy>(),
            provider.GetRequiredService<ObservedAnnouncer>(),
            provider.GetRequiredService<ObservedSnapshot>(),
            provider.GetRequiredService<ObservedMetrics>(),
            ClockOf(provider),
            provider.GetRequiredService<ILogger<ObservedTrafficMonitor>>()));
        services.AddHostedService(provider => new ObservedTrafficService(
            provider.GetRequiredService<IOptions<ObservedOptions>>(),
            provider,
            provider.GetRequiredService<Runtime.ICacheReadiness>(),
            ClockOf(provider),
            provider.GetRequiredService<ILogger<ObservedTrafficService>>()));
        return services;
    }

    private static TimeProvider ClockOf(IServiceProvider provider) =>
        provider.GetKeyedService<TimeProvider>(ClockKey) ?? provider.GetRequiredService<TimeProvider>();
}
