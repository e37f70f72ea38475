namespace LbOperator.Operator.Publishing;

/// <summary>
/// How long an Event may stay pending before it is dropped instead of written: one LeaseDuration with
/// leader election on. A replica that was not leader when it planned an Event writes it only if it wins
/// the lease within that time; anything older the previous leader wrote before its lease expired, so a
/// failover does not announce old problems again. Without leader election nothing expires.
/// </summary>
public sealed record PendingEventLifetime(TimeSpan Value)
{
    public static readonly PendingEventLifetime Unlimited = new(Timeout.InfiniteTimeSpan);

    public bool IsStale(PlannedEvent planned, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(planned);
        return Value != Timeout.InfiniteTimeSpan && now - planned.PlannedAt > Value;
    }
}
