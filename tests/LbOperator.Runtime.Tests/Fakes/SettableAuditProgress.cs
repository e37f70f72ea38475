using LbOperator.Runtime;

namespace LbOperator.Runtime.Tests.Fakes;

/// <summary>Audit progress a test completes by hand, counting who waits for it.</summary>
internal sealed class SettableAuditProgress : IAuditProgress
{
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _waiting;

    public int Waiting => Volatile.Read(ref _waiting);

    public Task WaitForFirstAuditAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        return _completed.Task.WaitAsync(cancellationToken);
    }

    public void Complete() => _completed.TrySetResult();
}
