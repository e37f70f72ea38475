using LbOperator.Runtime;

namespace LbOperator.Runtime.Tests.Fakes;

/// <summary>Cache readiness a test switches by hand, counting how often it was asked.</summary>
internal sealed class SettableReadiness : ICacheReadiness
{
    private int _asked;
    private volatile bool _synced;

    public int Asked => Volatile.Read(ref _asked);

    public bool IsSynced
    {
        get
        {
            Interlocked.Increment(ref _asked);
            return _synced;
        }

        set => _synced = value;
    }
}
