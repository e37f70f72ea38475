using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Prometheus;

namespace LbOperator.Runtime.Metrics;

public static class MetricsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the process's one <see cref="MetricsExposition"/>, once however often it is called, on the
    /// registered <see cref="CollectorRegistry"/> or a fresh one (never the static default, so tests never share state).
    /// </summary>
    public static IServiceCollection AddMetricsExposition(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(_ => new CollectorRegistry());
        services.TryAddSingleton(provider => new MetricsExposition(provider.GetRequiredService<CollectorRegistry>(), provider.GetServices<IScrapeWriter>()));
        return services;
    }
}
