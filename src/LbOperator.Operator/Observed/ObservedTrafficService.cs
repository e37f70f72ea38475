using LbOperator.Kubernetes.Observed;
using LbOperator.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LbOperator.Operator.Observed;

/// <summary>
/// Runs <see cref="ObservedTrafficMonitor"/> every interval once the caches are synced; does nothing
/// while <c>LbOperator:Observed:PrometheusUrl</c> is empty. Readiness never depends on it.
/// </summary>
public sealed class ObservedTrafficService(
    IOptions<ObservedOptions> options,
    IServiceProvider services,
    ICacheReadiness readiness,
    TimeProvider time,
    ILogger<ObservedTrafficService> logger) : BackgroundService
{
    private static readonly TimeSpan SyncCheck = TimeSpan.FromMilliseconds(200);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        var monitor = services.GetRequiredService<ObservedTrafficMonitor>();
        ObservedLog.Started(logger, settings.PrometheusUrl, GoDuration.Format(settings.IntervalValue), GoDuration.Format(settings.WindowValue), settings.SustainFor);
        try
        {
            while (!readiness.IsSynced)
            {
                await Task.Delay(SyncCheck, time, stoppingToken).ConfigureAwait(false);
            }

            while (!stoppingToken.IsCancellationRequested)
            {
                await RunOnceAsync(monitor, stoppingToken).ConfigureAwait(false);
                await Task.Delay(settings.IntervalValue, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Cancellation is how the loop ends when the host stops.
        }
    }

    private async Task RunOnceAsync(ObservedTrafficMonitor monitor, CancellationToken stoppingToken)
    {
        try
        {
            await monitor.RunIntervalAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            ObservedLog.IntervalFailed(logger, error);
        }
    }
}
