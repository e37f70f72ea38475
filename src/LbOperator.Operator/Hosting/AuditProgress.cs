using LbOperator.Runtime;

namespace LbOperator.Operator.Hosting;

/// <summary>Set by the operator when its first full audit has completed.</summary>
public sealed class AuditProgress : IAuditProgress
{
    private volatile bool _firstAuditCompleted;

    public bool FirstAuditCompleted => _firstAuditCompleted;

    public void CompleteFirstAudit() => _firstAuditCompleted = true;
}
