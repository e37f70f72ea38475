using LbOperator.Core.Model;

namespace LbOperator.Operator.Queue;

/// <summary>Per-key exponential backoff: base, 2×base, 4×base … capped at max; reset by <see cref="Forget"/>.</summary>
public sealed class ItemBackoff(TimeSpan baseDelay, TimeSpan maxDelay)
{
    private readonly Dictionary<ObjectRef, int> failures = [];

    public static ItemBackoff Default() => new(TimeSpan.FromMilliseconds(5), TimeSpan.FromMinutes(5));

    public TimeSpan Next(ObjectRef key)
    {
        lock (failures)
        {
            var count = failures.GetValueOrDefault(key);
            failures[key] = count + 1;
            var ticks = baseDelay.Ticks * Math.Pow(2, Math.Min(count, 62));
            return ticks >= maxDelay.Ticks ? maxDelay : TimeSpan.FromTicks((long)ticks);
        }
    }

    public int Failures(ObjectRef key)
    {
        lock (failures)
        {
            return failures.GetValueOrDefault(key);
        }
    }

    public void Forget(ObjectRef key)
    {
        lock (failures)
        {
            failures.Remove(key);
        }
    }
}
