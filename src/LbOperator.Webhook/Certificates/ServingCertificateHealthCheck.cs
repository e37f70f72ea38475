using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LbOperator.Webhook.Certificates;

/// <summary>Readiness: a replica without a serving certificate cannot answer the API server.</summary>
public sealed class ServingCertificateHealthCheck(ServingCertificate certificate) : IHealthCheck
{
    public const string Name = "webhook-certificate";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(certificate.IsLoaded
            ? HealthCheckResult.Healthy("webhook serving certificate loaded")
            : HealthCheckResult.Unhealthy($"no webhook serving certificate loaded from {certificate.CertFile}"));
}
