namespace LbOperator.Core.Observed;

/// <summary>The outcome of comparing one entry point with its observation; <see cref="Spread"/> is set when judged.</summary>
public sealed record ObservedComparison(ObservedStatus Status, ObservedSpread? Spread)
{
    public static ObservedComparison Idle { get; } = new(ObservedStatus.Idle, null);

    public static ObservedComparison NotComparable { get; } = new(ObservedStatus.NotComparable, null);

    public static ObservedComparison Unavailable { get; } = new(ObservedStatus.Unavailable, null);
}
