namespace LbOperator.Core.Observed;

/// <summary>What changed in one step; each maps to at most one Event.</summary>
public enum ObservedTransition
{
    None,

    /// <summary>Skewed for the sustain count: LB007 is now reported.</summary>
    Raised,

    /// <summary>Still reported, with another severity.</summary>
    SeverityChanged,

    /// <summary>Not skewed for the sustain count: LB007 is cleared.</summary>
    Cleared,

    /// <summary>Prometheus has not answered for the stale period: the finding is dropped without a verdict.</summary>
    Expired,
}
