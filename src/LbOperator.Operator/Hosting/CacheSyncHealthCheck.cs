using LbOperator.Runtime;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LbOperator.Operator.Hosting;

/// <summary><c>/readyz</c>: ready once every informer cache has synced.</summary>
public sealed class CacheSyncHealthCheck(ICacheReadiness readiness) : IHealthCheck
{
    public const string Name = "informer-caches";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.IsSynced ? HealthCheckResult.Healthy("caches synced") : HealthCheckResult.Unhealthy("caches not synced yet"));
}
