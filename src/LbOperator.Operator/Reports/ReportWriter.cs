using LbOperator.Kubernetes.PolicyReports;
using LbOperator.Operator.Options;
using LbOperator.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LbOperator.Operator.Reports;

/// <summary>
/// Keeps one report per namespace on the leader, in the background: each pass takes the namespaces
/// marked since the last one, re-reads their published state and writes only what differs. Passes are
/// at least <see cref="PassInterval"/> apart, so a burst of reconciles in a namespace costs one write.
/// On becoming leader, on a report API appearing and every resync period, the reports are listed again
/// and every namespace is compared. With reports disabled the leader deletes the reports it wrote.
/// The first pass waits for the first full audit: there is no leader before it, and asking the API server
/// which report APIs it serves would compete with the first lists.
/// </summary>
public sealed class ReportWriter(
    IOptions<OperatorOptions> options,
    ReportNamespaces namespaces,
    NamespaceAuditReader reader,
    ReportKeeper keeper,
    ReportApiPresence presence,
    ILeadership leadership,
    IAuditProgress progress,
    ReportMetrics metrics,
    TimeProvider time,
    ILogger<ReportWriter> logger) : BackgroundService
{
    public static readonly TimeSpan PassInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    private IReadOnlyList<ReportApi> served = [];
    private bool leading;
    private DateTimeOffset nextResync;
    private int failures;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await progress.WaitForFirstAuditAsync(stoppingToken).ConfigureAwait(false);
            while (!stoppingToken.IsCancellationRequested)
            {
                failures = await PassAsync(stoppingToken).ConfigureAwait(false) ? 0 : failures + 1;
                await Task.Delay(failures == 0 ? PassInterval : Backoff(), time, stoppingToken).ConfigureAwait(false);
                await WaitForWorkAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <returns>False when a write or list failed; the next pass then waits with backoff.</returns>
    private async Task<bool> PassAsync(CancellationToken cancellationToken)
    {
        await RefreshPresenceAsync(cancellationToken).ConfigureAwait(false);
        var (marked, all) = namespaces.Take();
        if (!leadership.IsLeader)
        {
            leading = false;
            keeper.ForgetAll();
            return true;
        }

        var now = time.GetUtcNow();
        if (!leading || now >= nextResync)
        {
            (leading, nextResync, all) = (true, now + options.Value.ResyncPeriod, true);
            keeper.ForgetAll();
        }

        foreach (var api in served.Where(api => !keeper.IsLoaded(api)))
        {
            try
            {
                await keeper.LoadAsync(api, options.Value.WatchNamespaces, cancellationToken).ConfigureAwait(false);
                all = true;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                ReportsLog.ListFailed(logger, error, api.Resource, Backoff());
                Requeue(marked, all);
                return false;
            }
        }

        return options.Value.Reports.Enabled
            ? await SyncAsync(all ? [.. marked.Union(reader.NamespacesWithState()).Union(keeper.Namespaces)] : marked, cancellationToken).ConfigureAwait(false)
            : await DeleteAllAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> SyncAsync(IReadOnlyCollection<string> targets, CancellationToken cancellationToken)
    {
        var audits = reader.Read(targets);
        var succeeded = true;
        var complete = true;
        foreach (var (ns, audit) in audits.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (audit is null || !leadership.IsLeader)
            {
                namespaces.Mark(ns);
                complete = false;
                continue;
            }

            foreach (var api in served.Where(keeper.IsLoaded))
            {
                try
                {
                    if (!await keeper.SyncAsync(api, ns, audit, cancellationToken).ConfigureAwait(false))
                    {
                        namespaces.MarkAll();
                        complete = false;
                    }
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    ReportsLog.WriteFailed(logger, error, api.Resource, ns, Backoff());
                    namespaces.Mark(ns);
                    succeeded = false;
                }
            }
        }

        if (succeeded && complete && !namespaces.Marked.IsCompleted && reader.AllReconciled())
        {
            metrics.LastInSync.Set(time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0);
        }

        return succeeded;
    }

    private async Task<bool> DeleteAllAsync(CancellationToken cancellationToken)
    {
        foreach (var api in served)
        {
            try
            {
                await keeper.DeleteAllAsync(api, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                ReportsLog.WriteFailed(logger, error, api.Resource, "every namespace", Backoff());
                keeper.Forget(api);
                return false;
            }
        }

        metrics.LastInSync.Set(time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0);
        return true;
    }

    private async Task RefreshPresenceAsync(CancellationToken cancellationToken)
    {
        foreach (var (api, error) in await presence.RefreshIfDueAsync(cancellationToken).ConfigureAwait(false))
        {
            ReportsLog.DiscoveryFailed(logger, error, api.Resource);
        }

        var now = presence.Served;
        foreach (var api in ReportApi.All.Where(api => now.Contains(api) != served.Contains(api)))
        {
            ReportsLog.ApiPresence(logger, api.Resource, now.Contains(api) ? "served" : "not served");
            keeper.Forget(api);
        }

        served = now;
    }

    /// <summary>Sleeps until a namespace is marked or the next discovery check or resync is due.</summary>
    private async Task WaitForWorkAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var wait = settings.CrdCheckInterval < settings.ResyncPeriod ? settings.CrdCheckInterval : settings.ResyncPeriod;
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var timer = Task.Delay(wait, time, wake.Token);
        await Task.WhenAny(namespaces.Marked, timer).ConfigureAwait(false);
        await wake.CancelAsync().ConfigureAwait(false);
        stoppingToken.ThrowIfCancellationRequested();
    }

    private void Requeue(IReadOnlyCollection<string> marked, bool all)
    {
        foreach (var ns in marked)
        {
            namespaces.Mark(ns);
        }

        if (all)
        {
            namespaces.MarkAll();
        }
    }

    private TimeSpan Backoff() =>
        TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Max(failures, 1)), MaxBackoff.TotalSeconds));
}
