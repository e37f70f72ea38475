using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using LbOperator.Operator.Metrics;
using Microsoft.Extensions.Logging;

namespace LbOperator.Operator.Informers;

/// <summary>
/// Lists (the first time from the API server's watch cache, after 410 Gone the latest state, as client-go's
/// reflector does), then watches one kind per scope, tracking the resourceVersion (bookmarks included) so a
/// closed watch resumes where it left off; 410 Gone relists; a watchdog restarts watches that stay
/// silent longer than <see cref="InformerSettings.WatchSilenceTimeout"/> (KubernetesClient watches
/// have no read timeout). Every restart is counted in <c>lb_operator_watch_restarts_total</c>.
/// </summary>
public sealed class Informer<T, TList> : IInformer
    where T : class, IKubernetesObject<V1ObjectMeta>
    where TList : IKubernetesObject<V1ListMeta>, IItems<T>
{
    private readonly ResourceClient<T, TList> client;
    private readonly InformerSettings settings;
    private readonly TimeProvider time;
    private readonly OperatorMetrics metrics;
    private readonly ILogger logger;
    private readonly IReadOnlyList<string?> scopes;

    public Informer(ResourceClient<T, TList> client, InformerSettings settings, Lock notificationGate,
        TimeProvider time, OperatorMetrics metrics, ILogger logger)
    {
        this.client = client;
        this.settings = settings;
        this.time = time;
        this.metrics = metrics;
        this.logger = logger;
        scopes = client.Namespaced ? settings.Scopes : [null];
        Cache = new InformerCache<T>(notificationGate, client.Namespaced ? settings.AdmitsNamespace : _ => true, scopes.Count);
        Cache.OnSubscriberError(error => InformerLog.SubscriberFailed(logger, error, client.Resource));
    }

    public InformerCache<T> Cache { get; }

    public string Resource => client.Resource;

    public bool HasSynced => Cache.HasSynced;

    public IReadOnlyList<string?> Scopes => scopes;

    public Task RunAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(scopes.Select(scope => Task.Run(() => RunScopeAsync(scope, stoppingToken), CancellationToken.None)));

    private async Task RunScopeAsync(string? scope, CancellationToken stoppingToken)
    {
        var scopeName = scope ?? "all namespaces";
        string? resourceVersion = null;
        var expiredOnce = false;
        var retryDelay = settings.InitialRetryDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (resourceVersion is null)
                {
                    var (items, listed) = await client.ListAsync(scope, fromWatchCache: !expiredOnce, stoppingToken).ConfigureAwait(false);
                    Cache.Replace(scope, items);
                    resourceVersion = listed;
                    InformerLog.Listed(logger, Resource, scopeName, items.Count, listed);
                }

                var outcome = await WatchOnceAsync(scope, resourceVersion, v => resourceVersion = v, stoppingToken).ConfigureAwait(false);
                if (outcome == WatchOutcome.Expired)
                {
                    resourceVersion = null;
                    expiredOnce = true;
                }

                metrics.WatchRestarts.WithLabels(Resource, OutcomeLabel(outcome)).Inc();
                InformerLog.WatchRestarting(logger, Resource, scopeName, OutcomeLabel(outcome));
                retryDelay = settings.InitialRetryDelay;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (HttpOperationException error) when (error.Response.StatusCode == HttpStatusCode.Gone)
            {
                resourceVersion = null;
                expiredOnce = true;
                metrics.WatchRestarts.WithLabels(Resource, "expired").Inc();
            }
            catch (Exception error)
            {
                metrics.WatchRestarts.WithLabels(Resource, "error").Inc();
                InformerLog.ListWatchFailed(logger, error, Resource, scopeName, retryDelay);
                await DelayAsync(retryDelay, stoppingToken).ConfigureAwait(false);
                retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, settings.MaxRetryDelay.Ticks));
            }
        }
    }

    private async Task<WatchOutcome> WatchOnceAsync(string? scope, string? from, Action<string> advance, CancellationToken stoppingToken)
    {
        using var watch = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var watchdog = new WatchWatchdog(time, settings.WatchSilenceTimeout);
        var watchdogTask = watchdog.RunAsync(watch);
        var expired = false;
        try
        {
            var timeoutSeconds = (int)Math.Max(1, settings.WatchTimeout.TotalSeconds);
            var events = client.WatchAsync(scope, from, timeoutSeconds, error =>
            {
                watchdog.Touch();
                expired |= error is KubernetesException { Status.Code: 410 };
            }, watch.Token);
            await foreach (var (type, item) in events.ConfigureAwait(false))
            {
                watchdog.Touch();
                if (type is WatchEventType.Added or WatchEventType.Modified or WatchEventType.Deleted)
                {
                    Cache.Apply(type, item);
                }

                if (item?.Metadata?.ResourceVersion is { Length: > 0 } version && type != WatchEventType.Error)
                {
                    advance(version);
                }
            }

            return expired ? WatchOutcome.Expired : WatchOutcome.Closed;
        }
        catch (Exception) when (watchdog.Fired && !stoppingToken.IsCancellationRequested)
        {
            return WatchOutcome.Silent;
        }
        catch (HttpRequestException ended) when (ended.InnerException is EndOfStreamException && !stoppingToken.IsCancellationRequested)
        {
            // KubernetesClient reads a watch's first line before handing the stream over, so a watch the server
            // ends at its timeoutSeconds without a line (nothing changed, no bookmark) fails this way: a plain close.
            return WatchOutcome.Closed;
        }
        finally
        {
            await watch.CancelAsync().ConfigureAwait(false);
            await watchdogTask.ConfigureAwait(false);
        }
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the loop condition ends the informer.
        }
    }

    private static string OutcomeLabel(WatchOutcome outcome) => outcome switch
    {
        WatchOutcome.Expired => "expired",
        WatchOutcome.Silent => "silent",
        _ => "closed",
    };

    private enum WatchOutcome
    {
        Closed,
        Expired,
        Silent,
    }
}
