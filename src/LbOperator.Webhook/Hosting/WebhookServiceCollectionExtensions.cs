using LbOperator.Core.Analysis;
using LbOperator.Operator.Events;
using LbOperator.Operator.Metrics;
using LbOperator.Operator.Options;
using LbOperator.Webhook.Certificates;
using LbOperator.Webhook.Decisions;
using LbOperator.Webhook.Evaluation;
using LbOperator.Webhook.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LbOperator.Webhook.Hosting;

public static class WebhookServiceCollectionExtensions
{
    /// <summary>
    /// Registers the webhook. The host provides the operator's seams: <c>IClusterView</c> over the caches,
    /// <c>ICacheReadiness</c>, <c>IKubernetes</c> and <c>IApiWriteGate</c> for the Event recorder, and <see cref="OperatorMetrics"/>.
    /// Thresholds are the registered <see cref="AnalysisPolicy"/> (the operator's), else <c>LbOperator:Policy</c>.
    /// </summary>
    public static IServiceCollection AddLbOperatorWebhook(this IServiceCollection services, IConfiguration configuration)
    {
        services.BindValidatedOnStart<WebhookOptions>(configuration.GetSection(WebhookOptions.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new TrafficAnalyzer(sp.GetService<AnalysisPolicy>() ?? PolicyFrom(configuration)));
        services.TryAddSingleton<ObjectEvaluator>();
        services.TryAddSingleton<AdmissionDecider>();
        services.TryAddSingleton<AdmissionReviewHandler>();
        services.TryAddSingleton<ServingCertificate>();
        services.AddEventRecorder();
        services.TryAddSingleton<IAdmissionEventSink, RecorderAdmissionEventSink>();
        services.AddHealthChecks().AddCheck<ServingCertificateHealthCheck>(ServingCertificateHealthCheck.Name, tags: ["ready"]);
        return services;
    }

    private static AnalysisPolicy PolicyFrom(IConfiguration configuration)
    {
        var section = configuration.GetSection("LbOperator:Policy");
        var defaults = AnalysisPolicy.Default;
        return new AnalysisPolicy(
            section.GetValue("WarnSkew", defaults.WarnSkew),
            section.GetValue("MaxSkew", defaults.MaxSkew),
            LoadBalancer: LoadBalancerNames.TryParse(section.GetValue<string?>("LoadBalancer"), out var implementation) ? implementation : null,
            IngressNginxControllers: section.GetSection("IngressNginxControllers").Get<string[]>());
    }
}
