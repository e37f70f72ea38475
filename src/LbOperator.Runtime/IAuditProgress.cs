namespace LbOperator.Runtime;

/// <summary>Whether the operator's first full audit since start has published every audited object.</summary>
public interface IAuditProgress
{
    bool FirstAuditCompleted { get; }
}
