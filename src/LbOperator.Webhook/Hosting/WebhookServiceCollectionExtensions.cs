using LbOperator.Core.Analysis;
using LbOperator.Runtime.Events;
using LbOperator.Runtime.Metrics;
using LbOperator.Runtime.Options;
using LbOperator.Webhook.Certificates;
using LbOperator.Webhook.Decisions;
using LbOperator.Webhook.Evaluation;
using LbOperator.Webhook.Events;
using LbOperator.Webhook.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LbOperator.Webhook.Hosting;

public static class WebhookServiceCollectionExtensions
{
    /// <summary>
    /// Registers the webhook: validated <c>LbOperator:Webhook</c> options, the decision path, the serving
    /// certificate and its <c>/readyz</c> check, and its instruments in the process's <see cref="MetricsExposition"/>.
    /// Thresholds are the process's one <see cref="AnalysisPolicy"/> (<c>LbOperator:Policy</c>). Expects the
    /// runtime seams from the host: <c>IClusterView</c> and <c>ICacheReadiness</c> over the caches, and
    /// <c>IKubernetes</c> and <c>IApiWriteGate</c> for the Event recorder.
    /// </summary>
    public static IServiceCollection AddLbOperatorWebhook(this IServiceCollection services, IConfiguration configuration)
    {
        services.BindValidatedOnStart<WebhookOptions>(configuration.GetSection(WebhookOptions.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddAnalysisPolicy(configuration);
        services.AddMetricsExposition();
        services.TryAddSingleton<WebhookMetrics>();
        services.TryAddSingleton(provider => new TrafficAnalyzer(provider.GetRequiredService<AnalysisPolicy>()));
        services.TryAddSingleton<ObjectEvaluator>();
        services.TryAddSingleton<AdmissionDecider>();
        services.TryAddSingleton<AdmissionReviewHandler>();
        services.TryAddSingleton<ServingCertificate>();
        services.AddEventRecorder();
        services.TryAddSingleton<IAdmissionEventSink, RecorderAdmissionEventSink>();
        services.AddHealthChecks().AddCheck<ServingCertificateHealthCheck>(ServingCertificateHealthCheck.Name, tags: ["ready"]);
        return services;
    }
}
