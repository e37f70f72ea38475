using LbOperator.Core.Analysis;

namespace LbOperator.Core.Observed;

/// <summary>One endpoint's observed rate and share next to the share the configuration gives it.</summary>
public sealed record ObservedEndpoint(EndpointShare Expected, double Rate, double Share)
{
    /// <summary>Observed minus expected share; positive when the endpoint gets more than configured.</summary>
    public double Gap => Share - Expected.Share;
}
