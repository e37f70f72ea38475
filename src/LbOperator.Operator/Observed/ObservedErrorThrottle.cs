namespace LbOperator.Operator.Observed;

/// <summary>
/// Lets an error through at most once per period and counts the ones held back, so an unreachable
/// Prometheus gives one log line a minute, not one per query.
/// </summary>
public sealed class ObservedErrorThrottle(TimeProvider time, TimeSpan period)
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _lastLogged;
    private int _held;

    /// <returns>The failures to report (this one included), or 0 to stay quiet.</returns>
    public int Failed()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            _held++;
            if (_lastLogged is { } last && now - last < period)
            {
                return 0;
            }

            _lastLogged = now;
            var failures = _held;
            _held = 0;
            return failures;
        }
    }
}
