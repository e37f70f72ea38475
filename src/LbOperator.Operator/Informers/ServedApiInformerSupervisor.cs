using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace LbOperator.Operator.Informers;

/// <summary>
/// Runs the informer of a CRD-backed kind (HTTPRoutes, GRPCRoutes, ReferenceGrants) only while API
/// discovery shows it served, checking every <paramref name="checkInterval"/>. When the API goes away the
/// cache is emptied (each object is announced as deleted); while it is absent the informer does not
/// hold readiness back.
/// </summary>
public sealed class ServedApiInformerSupervisor<T, TList>(
    Informer<T, TList> informer,
    Func<CancellationToken, Task<bool>> isServed,
    TimeSpan checkInterval,
    TimeProvider time,
    ILogger logger) : IInformer
    where T : class, IKubernetesObject<V1ObjectMeta>
    where TList : IKubernetesObject<V1ListMeta>, IItems<T>
{
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
                var present = await CheckAsync(lastSeen ?? false, stoppingToken).ConfigureAwait(false);
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

                await Task.Delay(checkInterval, time, stoppingToken).ConfigureAwait(false);
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

    private async Task<bool> CheckAsync(bool previous, CancellationToken stoppingToken)
    {
        try
        {
            return await isServed(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            InformerLog.DiscoveryFailed(logger, error, informer.Resource);
            return previous;
        }
    }

    private async Task StopAsync(CancellationTokenSource current, Task run)
    {
        await current.CancelAsync().ConfigureAwait(false);
        await run.ConfigureAwait(false);
        current.Dispose();
        running = false;
        foreach (var scope in informer.Scopes)
        {
            informer.Cache.Replace(scope, []);
        }
    }
}
