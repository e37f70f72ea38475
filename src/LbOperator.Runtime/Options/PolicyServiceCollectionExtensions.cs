using LbOperator.Core.Analysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LbOperator.Runtime.Options;

public static class PolicyServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>LbOperator:Policy</c> once, validated at start, and registers the <see cref="AnalysisPolicy"/>
    /// it describes; the audit and the webhook both call this, and the second call changes nothing.
    /// </summary>
    public static IServiceCollection AddAnalysisPolicy(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(descriptor => descriptor.ServiceType == typeof(AnalysisPolicy)))
        {
            return services;
        }

        services.BindValidatedOnStart<PolicyOptions>(configuration.GetSection(PolicyOptions.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PolicyOptions>, PolicyOptionsValidator>());
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<PolicyOptions>>().Value.ToAnalysisPolicy());
        return services;
    }
}
