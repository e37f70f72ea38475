namespace LbOperator.Core.Analysis;

/// <summary>Skew thresholds. Objects may override them with <c>lb-operator.io/warn-skew</c> and <c>lb-operator.io/max-skew</c>.</summary>
public sealed record AnalysisPolicy(double WarnSkew = 1.5, double MaxSkew = 2.0)
{
    public static AnalysisPolicy Default { get; } = new();
}
