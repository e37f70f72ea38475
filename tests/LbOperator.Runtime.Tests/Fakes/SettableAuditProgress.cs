using LbOperator.Runtime;

namespace LbOperator.Runtime.Tests.Fakes;

/// <summary>Audit progress a test switches by hand, counting how often it was asked.</summary>
internal sealed class SettableAuditProgress : IAuditProgress
{
    private int _asked;
    private volatile bool _completed;

    public int Asked => Volatile.Read(ref _asked);

    public bool FirstAuditCompleted
    {
        get
        {
            Interlocked.Increment(ref _asked);
            return _completed;
        }

        set => _completed = value;
    }
}
