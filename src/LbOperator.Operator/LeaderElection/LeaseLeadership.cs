using k8s.LeaderElection;
using LbOperator.Operator.Metrics;
using LbOperator.Operator.Options;
using LbOperator.Runtime;
using Microsoft.Extensions.Logging;

namespace LbOperator.Operator.LeaderElection;

/// <summary>
/// Leads through a Lease with KubernetesClient's <see cref="LeaderElector"/>. The library's run ends
/// when leadership is lost (kubernetes-client/csharp #1467), so this enters the election again until
/// stopped; on stop it releases the lease. With election disabled this replica always leads.
/// </summary>
/// <param name="releaseTimeout">The shutdown budget's share for handing the lease back.</param>
public sealed class LeaseLeadership(LeaderElectionOptions options, TimeSpan releaseTimeout, GatedLeaseLock leaseLock, OperatorMetrics metrics, ILogger logger) : ILeadership
{
    private volatile bool isLeader;

    public bool IsLeader => isLeader;

    public event Action? LeadershipGained;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            SetLeader(true);
            LeaderElectionLog.Disabled(logger);
            return;
        }

        var lease = leaseLock.Describe();
        using var elector = new LeaderElector(new LeaderElectionConfig(leaseLock)
        {
            LeaseDuration = options.LeaseDuration,
            RenewDeadline = options.RenewDeadline,
            RetryPeriod = options.RetryPeriod,
        });
        elector.OnStartedLeading += () =>
        {
            SetLeader(true);
            LeaderElectionLog.StartedLeading(logger, leaseLock.Identity, lease);
        };
        elector.OnStoppedLeading += () =>
        {
            SetLeader(false);
            if (stoppingToken.IsCancellationRequested)
            {
                LeaderElectionLog.SteppingDown(logger, leaseLock.Identity, lease);
            }
            else
            {
                LeaderElectionLog.StoppedLeading(logger, leaseLock.Identity, lease);
            }
        };
        elector.OnNewLeader += leader => LeaderElectionLog.NewLeader(logger, leader ?? "");
        elector.OnError += error => LeaderElectionLog.ElectionError(logger, error);

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await elector.RunUntilLeadershipLostAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    LeaderElectionLog.ElectionError(logger, error);
                    await Task.Delay(options.RetryPeriod, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: fall through to the release.
        }
        finally
        {
            SetLeader(false);
        }

        using var releaseDeadline = new CancellationTokenSource(releaseTimeout);
        try
        {
            if (await leaseLock.ReleaseAsync(releaseDeadline.Token).ConfigureAwait(false))
            {
                LeaderElectionLog.Released(logger, lease);
            }
        }
        catch (Exception error)
        {
            // Not releasing only delays the next leader until the lease expires.
            LeaderElectionLog.ElectionError(logger, error);
        }
    }

    private void SetLeader(bool leading)
    {
        var gained = leading && !isLeader;
        isLeader = leading;
        metrics.IsLeader.Set(leading ? 1 : 0);
        if (gained)
        {
            LeadershipGained?.Invoke();
        }
    }
}
