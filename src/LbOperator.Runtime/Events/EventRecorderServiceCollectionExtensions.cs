using k8s;
using LbOperator.Runtime.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LbOperator.Runtime.Events;

public static class EventRecorderServiceCollectionExtensions
{
    /// <summary>
    /// Registers the process's one <see cref="EventRecorder"/> (also as <see cref="IEventRecorder"/> and as the
    /// hosted service running its writer), once however often it is called. Expects <c>IKubernetes</c> and
    /// <c>IApiWriteGate</c>; without an <c>ILeadership</c> (a webhook alone) it never leads, so it writes
    /// admission Events only. <see cref="EventSource"/> is <c>lb-operator</c> with the pod name from
    /// <c>POD_NAME</c>; earlier Events are listed in the registered <see cref="WatchScope"/>, else everywhere, once the
    /// registered <see cref="IAuditProgress"/>, if any, reports the first audit completed.
    /// </summary>
    public static IServiceCollection AddEventRecorder(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetricsExposition();
        services.TryAddSingleton<EventMetrics>();
        services.TryAddSingleton(_ => EventSource.FromEnvironment());
        services.TryAddSingleton(provider => new EventRecorder(
            provider.GetRequiredService<IKubernetes>(),
            provider.GetRequiredService<IApiWriteGate>(),
            provider.GetRequiredService<EventSource>(),
            provider.GetService<ILeadership>() ?? NeverLeading.Instance,
            provider.GetService<IAuditProgress>(),
            (provider.GetService<WatchScope>() ?? WatchScope.AllNamespaces).Namespaces,
            provider.GetRequiredService<EventMetrics>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<EventRecorder>>()));
        services.TryAddSingleton<IEventRecorder>(provider => provider.GetRequiredService<EventRecorder>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, EventRecorder>(provider => provider.GetRequiredService<EventRecorder>()));
        return services;
    }

    private sealed class NeverLeading : ILeadership
    {
        public static readonly NeverLeading Instance = new();

        public bool IsLeader => false;

        public event Action? LeadershipGained
        {
            add { }
            remove { }
        }
    }
}
