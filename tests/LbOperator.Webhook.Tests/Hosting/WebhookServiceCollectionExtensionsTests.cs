using k8s;
using LbOperator.Core.Model;
using LbOperator.Runtime;
using LbOperator.Webhook.Admission;
using LbOperator.Webhook.Certificates;
using LbOperator.Webhook.Decisions;
using LbOperator.Webhook.Hosting;
using LbOperator.Webhook.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LbOperator.Webhook.Tests.Hosting;

public sealed class WebhookServiceCollectionExtensionsTests
{
    [Fact]
    public async Task A_bad_webhook_setting_fails_the_start_with_a_message_naming_it()
    {
        using var host = Build(new() { ["LbOperator:Webhook:Mode"] = "block", ["LbOperator:Webhook:TimeBudget"] = "00:00:00" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("LbOperator:Webhook:Mode must be off, warn or enforce (got 'block')", error.Message, StringComparison.Ordinal);
        Assert.Contains("LbOperator:Webhook:TimeBudget must be greater than zero", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_includes_the_serving_certificate()
    {
        using var directory = new TempDirectory();
        using var host = Build(new() { ["LbOperator:Webhook:CertFile"] = directory.File("tls.crt"), ["LbOperator:Webhook:KeyFile"] = directory.File("tls.key") });
        var health = host.Services.GetRequiredService<HealthCheckService>();

        var report = await health.CheckHealthAsync(check => check.Tags.Contains("ready"));

        Assert.Equal(HealthStatus.Unhealthy, report.Entries[ServingCertificateHealthCheck.Name].Status);
    }

    [Fact]
    public void Policy_thresholds_come_from_the_operator_section()
    {
        using var host = Build(new() { ["LbOperator:Policy:MaxSkew"] = "5" });

        var decider = host.Services.GetRequiredService<AdmissionDecider>();
        var outcome = decider.Decide(
            AdmissionReviewReader.Read(Fixture.Bytes("service-update-cluster-to-local.json")).Request!, WebhookMode.Enforce);

        Assert.Equal(AdmissionDecisionKind.Warned, outcome.Decision);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<IClusterView>(ShopCluster.Create());
        builder.Services.AddSingleton<ICacheReadiness>(new FixedCacheReadiness(true));
        // These tests resolve services and write no Event, so the client never connects anywhere.
        builder.Services.AddSingleton<IKubernetes>(new k8s.Kubernetes(new KubernetesClientConfiguration { Host = "http://127.0.0.1:1" }));
        builder.Services.AddSingleton<IApiWriteGate, DirectWriteGate>();
        builder.Services.AddLbOperatorWebhook(builder.Configuration);
        return builder.Build();
    }
}
