using LbOperator.Core.Analysis;

namespace LbOperator.Operator.Publishing;

/// <summary>
/// When a finding that is still present deserves a new Event: its severity changed, or its skew
/// (LB001) or blackholed share (LB002) moved by at least <see cref="RelativeThreshold"/> of the value last announced.
/// Smaller moves only update the metrics, so a jittery spread does not spam Events.
/// </summary>
public static class NotableChange
{
    public const double RelativeThreshold = 0.10;

    /// <summary>Keeps a move of exactly the threshold notable despite binary rounding.</summary>
    private const double Tolerance = 1e-9;

    public static bool IsNotable(Finding announced, Finding current)
    {
        ArgumentNullException.ThrowIfNull(announced);
        ArgumentNullException.ThrowIfNull(current);
        return announced.Severity != current.Severity
            || Moved(announced.Skew, current.Skew)
            || Moved(announced.BlackholedShare, current.BlackholedShare);
    }

    private static bool Moved(double? before, double? after)
    {
        if (before is null || after is null)
        {
            return before is null != after is null;
        }

        if (before.Value == 0)
        {
            return after.Value != 0;
        }

        return Math.Abs(after.Value - before.Value) / Math.Abs(before.Value) >= RelativeThreshold - Tolerance;
    }
}
