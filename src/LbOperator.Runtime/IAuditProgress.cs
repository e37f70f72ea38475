namespace LbOperator.Runtime;

/// <summary>Whether the operator's first full audit since start has published every audited object.</summary>
public interface IAuditProgress
{
    bool FirstAuditCompleted { get; }

    /// <summary>Completes when the first full audit has; throws only when <paramref name="cancellationToken"/> is cancelled first.</summary>
    Task WaitForFirstAuditAsync(CancellationToken cancellationToken);
}
