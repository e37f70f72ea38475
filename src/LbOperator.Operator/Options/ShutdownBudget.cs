namespace LbOperator.Operator.Options;

/// <summary>
/// How <c>LbOperator:ShutdownTimeout</c> is spent after SIGTERM: first the drain (reconciles in flight,
/// then the Events they handed over), then the lease release, so the next leader takes over at once.
/// The two add up to the timeout, which the chart sets to <c>terminationGracePeriodSeconds</c> minus 5 s:
/// the lease is released before the kubelet's SIGKILL, with margin.
/// </summary>
public sealed record ShutdownBudget(TimeSpan Drain, TimeSpan LeaseRelease)
{
    private static readonly TimeSpan MaxLeaseRelease = TimeSpan.FromSeconds(5);

    public TimeSpan Total => Drain + LeaseRelease;

    /// <summary>A fifth of the timeout for the release (at most 5 s: one read and one write), the rest to drain.</summary>
    public static ShutdownBudget Of(TimeSpan shutdownTimeout)
    {
        var release = TimeSpan.FromTicks(Math.Min(shutdownTimeout.Ticks / 5, MaxLeaseRelease.Ticks));
        return new ShutdownBudget(shutdownTimeout - release, release);
    }
}
