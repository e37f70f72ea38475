using k8s;
using LbOperator.Operator.Metrics;
using LbOperator.Operator.Options;
using LbOperator.Operator.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LbOperator.Operator.Events;

public static class EventRecorderServiceCollectionExtensions
{
    /// <summary>
    /// Registers the process's one <see cref="EventRecorder"/> (also as <see cref="IEventRecorder"/> and as the
    /// hosted service running its writer), once however often it is called. Expects <c>IKubernetes</c>,
    /// <c>IApiWriteGate</c> and <c>OperatorMetrics</c>; without an <c>ILeadership</c> (a webhook alone) it
    /// never leads, so it writes admission Events only. <see cref="EventSource"/> is <c>lb-operator</c> with
    /// the pod name from <c>POD_NAME</c>; earlier Events are listed in <c>LbOperator:WatchNamespaces</c>.
    /// </summary>
    public static IServiceCollection AddEventRecorder(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => EventSource.FromEnvironment());
        services.TryAddSingleton(provider => new EventRecorder(
            provider.GetRequiredService<IKubernetes>(),
            provider.GetRequiredService<IApiWriteGate>(),
            provider.GetRequiredService<EventSource>(),
            provider.GetService<ILeadership>() ?? NeverLeading.Instance,
            provider.GetService<IOptions<OperatorOptions>>()?.Value.WatchNamespaces ?? [],
            provider.GetRequiredService<OperatorMetrics>(),
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
