namespace LbOperator.Tests.Support;

/// <summary>A clock that always says the same time, so a run queries recorded series at a chosen moment.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
