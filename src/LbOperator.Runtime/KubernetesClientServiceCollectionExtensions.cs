using k8s;
using LbOperator.Kubernetes.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LbOperator.Runtime;

public static class KubernetesClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers the process's one API client (also as <see cref="IKubernetes"/>), once however often it is
    /// called; <paramref name="client"/> when the caller has already made it (to connect while the host builds).
    /// </summary>
    public static IServiceCollection AddKubernetesClient(this IServiceCollection services, KubernetesClientConfiguration clientConfiguration,
        ProtobufKubernetes? client = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(clientConfiguration);
        services.TryAddSingleton(provider => client ?? new ProtobufKubernetes(provider.GetRequiredService<KubernetesClientConfiguration>()));
        services.TryAddSingleton<k8s.Kubernetes>(provider => provider.GetRequiredService<ProtobufKubernetes>());
        services.TryAddSingleton<IKubernetes>(provider => provider.GetRequiredService<k8s.Kubernetes>());
        return services;
    }
}
