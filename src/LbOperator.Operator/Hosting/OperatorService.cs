using LbOperator.Runtime.Events;
using LbOperator.Operator.Informers;
using LbOperator.Operator.LeaderElection;
using LbOperator.Operator.Metrics;
using LbOperator.Operator.Options;
using LbOperator.Operator.Publishing;
using LbOperator.Operator.Queue;
using LbOperator.Operator.Reconciliation;
using LbOperator.Operator.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LbOperator.Operator.Hosting;

/// <summary>
/// Runs the operator: informers, reconcile workers, the periodic full audit and leader election.
/// The informers start before any other hosted service (the web server, the report writer), so the first
/// lists overlap the rest of the host's start. A replica competes for the Lease once its first full audit is
/// done: a leader always acts on a synced view, and a replica that cannot list the cluster (RBAC, API errors)
/// never holds the lease. On stop (SIGTERM) the queue stops handing out work and the reconciles in flight
/// finish; only then are the informers stopped and the lease released, so the last Events are still written
/// as leader. All of it fits <c>LbOperator:ShutdownTimeout</c> (<see cref="ShutdownBudget"/>).
/// </summary>
public sealed class OperatorService(
    IOptions<OperatorOptions> options,
    ClusterCaches caches,
    DependencyRouter router,
    PublishedStates published,
    WorkQueue queue,
    IReconciler reconciler,
    EventRecorder recorder,
    LeaseLeadership leadership,
    AuditProgress progress,
    OperatorMetrics metrics,
    TimeProvider time,
    ILogger<OperatorService> logger) : BackgroundService, IHostedLifecycleService
{
    /// <summary>Short: the first audit starts at most this long after the last initial list has arrived.</summary>
    private static readonly TimeSpan SyncPoll = TimeSpan.FromMilliseconds(5);

    private readonly CancellationTokenSource background = new();
    private Task? informers;
    private Task election = Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        StartInformers();
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override void Dispose()
    {
        // A host whose start failed after StartingAsync never runs ExecuteAsync's shutdown.
        background.Cancel();
        background.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var running = StartInformers();
        election = LeadAfterFirstAuditAsync(background.Token);
        await using var stopping = stoppingToken.Register(() => HostLog.Stopping(logger));
        var budget = ShutdownBudget.Of(settings.ShutdownTimeout);
        var stopRequested = 0L;
        await using var stopClock = stoppingToken.Register(() => stopRequested = time.GetTimestamp());
        var (audit, workers) = (Task.CompletedTask, Task.CompletedTask);
        // Like controller-runtime, workers start once the caches have synced: a reconcile before that could only
        // wait, and the keys the initial lists queued are deduplicated with the first audit pass, added first.
        if (await CachesSyncedAsync(stoppingToken).ConfigureAwait(false))
        {
            audit = new FullAudit(queue, () => ChangeFeed.AuditedKeys(caches, published), caches, settings.ResyncPeriod, time, metrics, logger, FirstAuditCompleted)
                .RunAsync(stoppingToken);
            workers = new ReconcileWorkers(queue, reconciler, metrics, logger, budget.Drain).RunAsync(settings.Workers, stoppingToken);
        }

        await workers.ConfigureAwait(false);
        await audit.ConfigureAwait(false);
        // The last reconciles' Events are written while this replica still leads, within what is left of the drain budget.
        var drained = stopRequested == 0 ? TimeSpan.Zero : time.GetElapsedTime(stopRequested);
        await recorder.DrainAsync(budget.Drain > drained ? budget.Drain - drained : TimeSpan.Zero).ConfigureAwait(false);
        await background.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(running, election).ConfigureAwait(false);
        HostLog.Stopped(logger);
    }

    /// <summary>Once: from <see cref="StartingAsync"/> under a host, from <see cref="ExecuteAsync"/> when started alone.</summary>
    private Task StartInformers()
    {
        if (informers is not null)
        {
            return informers;
        }

        var settings = options.Value;
        StartupHeap.DeferCollections();
        ChangeFeed.Connect(caches, router, queue, () => caches.IsSynced);
        ChangeFeed.ConnectRecorder(recorder, queue);
        HostLog.Started(logger, settings.Workers,
            settings.WatchNamespaces.Count == 0 ? "all namespaces" : string.Join(",", settings.WatchNamespaces),
            string.Join(",", settings.ExcludedNamespaces));
        informers = caches.RunAsync(background.Token);
        return informers;
    }

    private async Task LeadAfterFirstAuditAsync(CancellationToken stoppingToken)
    {
        try
        {
            await progress.WaitForFirstAuditAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        await leadership.RunAsync(stoppingToken).ConfigureAwait(false);
    }

    private void FirstAuditCompleted()
    {
        StartupHeap.Settle();
        progress.CompleteFirstAudit();
    }

    private async Task<bool> CachesSyncedAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!caches.IsSynced)
            {
                await Task.Delay(SyncPoll, time, stoppingToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
