namespace LbOperator.Operator.Options;

/// <summary>Skew thresholds: warn at <see cref="WarnSkew"/>, error at <see cref="MaxSkew"/>.</summary>
public sealed class PolicyOptions
{
    public double WarnSkew { get; set; } = 1.5;

    public double MaxSkew { get; set; } = 2.0;
}
