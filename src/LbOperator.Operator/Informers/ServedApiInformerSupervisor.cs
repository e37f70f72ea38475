using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace LbOperator.Operator.Informers;

/// <summary>
/// Runs the informer of a CRD-backed kind (HTTPRoutes, GRPCRoutes, ReferenceGrants, MetalLB
/// advertisements) only while API discovery shows it served, checking every <paramref name="checkInterval"/>,
/// or after <see cref="AskAgainDelay"/> when discovery answers "not yet". When the API goes away the cache
/// is emptied (each object is announced as deleted) before the supervisor reports itself synced without
/// the informer, so readiness never rests on stale objects; while the API is absent the informer does
/// not hold readiness back.
/// </summary>
public sealed class ServedApiInformerSupervisor<T, TList>(
    Informer<T, TList> informer,
    Func<CancellationToken, Task<DiscoveryAnswer>> discover,
    TimeSpan checkInterval,
    TimeProvider time,
    ILogger logger) : IInformer
    where T : class, IKubernetesObject<V1ObjectMeta>
    where TList : IKubernetesObject<V1ListMeta>, IItems<T>
{
    /// <summary>
    /// A freshly installed CRD answers 503 for about a second while its group is registered, and 429
    /// carries a Retry-After of one second, so one second later is the right time to ask again.
    /// </summary>
    public static readonly TimeSpan AskAgainDelay = TimeSpan.FromSeconds(1);

    private volatile bool running;

    public string Resource => informer.Resource;

    public bool HasSynced => !running || informer.HasSynced;

    public bool IsRunning => running;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        CancellationTokenSource? current = null;
        Task? run = null;
        bool? lastSeen = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var answer = await CheckAsync(stoppingToken).ConfigureAwait(false);
                var present = answer switch
                {
                    DiscoveryAnswer.Served => true,
                    DiscoveryAnswer.NotServed => false,
                    _ => lastSeen ?? false,
                };
                if (present != lastSeen)
                {
                    InformerLog.ApiPresence(logger, informer.Resource, present);
                    lastSeen = present;
                }

                if (present && run is null)
                {
                    current = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    running = true;
                    run = informer.RunAsync(current.Token);
                }
                else if (!present && run is not null)
                {
                    await StopAsync(current!, run).ConfigureAwait(false);
                    (current, run) = (null, null);
                }

                var delay = answer == DiscoveryAnswer.AskAgainSoon && AskAgainDelay < checkInterval ? AskAgainDelay : checkInterval;
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            if (run is not null)
            {
                await run.ConfigureAwait(false);
                current!.Dispose();
            }
        }
    }

    /// <summary>Asks discovery; a failure keeps the last answer until the next regular check.</summary>
    private async Task<DiscoveryAnswer?> CheckAsync(CancellationToken stoppingToken)
    {
        try
        {
            var answer = await discover(stoppingToken).ConfigureAwait(false);
            if (answer == DiscoveryAnswer.AskAgainSoon)
            {
                InformerLog.DiscoveryNotYet(logger, informer.Resource, AskAgainDelay);
            }

            return answer;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            InformerLog.DiscoveryFailed(logger, error, informer.Resource);
            return null;
        }
    }

    private async Task StopAsync(CancellationTokenSource current, Task run)
    {
        await current.CancelAsync().ConfigureAwait(false);
        await run.ConfigureAwait(false);
        current.Dispose();
        informer.Cache.Reset();
        running = false;
    }
}
