using LbOperator.Runtime;

namespace LbOperator.Operator.Hosting;

/// <summary>Set by the operator when its first full audit has completed.</summary>
public sealed class AuditProgress : IAuditProgress
{
    private readonly TaskCompletionSource _firstAudit = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task WaitForFirstAuditAsync(CancellationToken cancellationToken) => _firstAudit.Task.WaitAsync(cancellationToken);

    public void CompleteFirstAudit() => _firstAudit.TrySetResult();
}
