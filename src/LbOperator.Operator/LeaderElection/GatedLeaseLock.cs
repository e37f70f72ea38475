using System.Net;
using k8s;
using k8s.Autorest;
using k8s.LeaderElection;
using k8s.Models;
using LbOperator.Runtime;
using Microsoft.Extensions.Logging;

namespace LbOperator.Operator.LeaderElection;

/// <summary>
/// A Lease-based lock for KubernetesClient's <see cref="LeaderElector"/> whose writes go through the
/// API write gate (rate limit, retries). Unlike the library's LeaseLock it can release the lease. A 403
/// (the service account may not read or write the Lease) is logged as an error naming the verbs to grant,
/// once until the lease is reachable again, and the election keeps retrying: the library alone would
/// just never lead, silently.
/// </summary>
public sealed class GatedLeaseLock(IKubernetes client, IApiWriteGate gate, string @namespace, string name, string identity, ILogger logger) : ILock
{
    private V1Lease? cached;
    private int forbiddenReported;

    public string Identity { get; } = identity;

    public string Describe() => $"{@namespace}/{name}";

    public async Task<LeaderElectionRecord> GetAsync(CancellationToken cancellationToken = default)
    {
        V1Lease lease;
        try
        {
            lease = await client.CoordinationV1.ReadNamespacedLeaseAsync(name, @namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException error) when (error.Response?.StatusCode == HttpStatusCode.Forbidden)
        {
            ReportForbidden("get");
            throw;
        }

        Interlocked.Exchange(ref cached, lease);
        Volatile.Write(ref forbiddenReported, 0);
        return new LeaderElectionRecord
        {
            HolderIdentity = lease.Spec?.HolderIdentity,
            AcquireTime = lease.Spec?.AcquireTime,
            RenewTime = lease.Spec?.RenewTime,
            LeaseDurationSeconds = lease.Spec?.LeaseDurationSeconds ?? 15,
            LeaderTransitions = lease.Spec?.LeaseTransitions ?? 0,
        };
    }

    public async Task<bool> CreateAsync(LeaderElectionRecord record, CancellationToken cancellationToken = default)
    {
        var lease = new V1Lease { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = @namespace }, Spec = SpecOf(record) };
        try
        {
            var created = await gate.ExecuteAsync("lease-create",
                ct => client.CoordinationV1.CreateNamespacedLeaseAsync(lease, @namespace, cancellationToken: ct), cancellationToken).ConfigureAwait(false);
            Interlocked.Exchange(ref cached, created);
            return true;
        }
        catch (HttpOperationException error)
        {
            ReportIfForbidden(error, "create");
            return false;
        }
    }

    public async Task<bool> UpdateAsync(LeaderElectionRecord record, CancellationToken cancellationToken = default)
    {
        var lease = Volatile.Read(ref cached) ?? throw new InvalidOperationException("The lease must be read or created before it is updated.");
        lease.Spec = SpecOf(record);
        try
        {
            var replaced = await gate.ExecuteAsync("lease-update",
                ct => client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, name, @namespace, cancellationToken: ct), cancellationToken).ConfigureAwait(false);
            Interlocked.Exchange(ref cached, replaced);
            return true;
        }
        catch (HttpOperationException error)
        {
            ReportIfForbidden(error, "update");
            return false;
        }
    }

    /// <summary>
    /// Hands the lease back if this replica holds it: an empty holder with a 1 s duration, as client-go
    /// releases, so another candidate takes over at its next retry instead of after the lease expires.
    /// </summary>
    public async Task<bool> ReleaseAsync(CancellationToken cancellationToken)
    {
        try
        {
            var lease = await client.CoordinationV1.ReadNamespacedLeaseAsync(name, @namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (lease.Spec?.HolderIdentity != Identity)
            {
                return false;
            }

            lease.Spec.HolderIdentity = "";
            lease.Spec.LeaseDurationSeconds = 1;
            await gate.ExecuteAsync("lease-release",
                ct => client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, name, @namespace, cancellationToken: ct), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (HttpOperationException error) when (error.Response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    private void ReportIfForbidden(HttpOperationException error, string verb)
    {
        if (error.Response?.StatusCode == HttpStatusCode.Forbidden)
        {
            ReportForbidden(verb);
        }
    }

    private void ReportForbidden(string verb)
    {
        if (Interlocked.Exchange(ref forbiddenReported, 1) == 0)
        {
            LeaderElectionLog.LeaseForbidden(logger, verb, Describe(), Identity);
        }
    }

    private static V1LeaseSpec SpecOf(LeaderElectionRecord record) => new()
    {
        HolderIdentity = record.HolderIdentity,
        AcquireTime = record.AcquireTime,
        RenewTime = record.RenewTime,
        LeaseDurationSeconds = record.LeaseDurationSeconds,
        LeaseTransitions = record.LeaderTransitions,
    };
}
