namespace LbOperator.Runtime;

/// <summary>When the operator's first full audit since start has published every audited object.</summary>
public interface IAuditProgress
{
    /// <summary>Completes when the first full audit has; throws only when <paramref name="cancellationToken"/> is cancelled first.</summary>
    Task WaitForFirstAuditAsync(CancellationToken cancellationToken);
}
