namespace LbOperator.Core.Observed;

/// <summary>Whether an entry point's observation can be judged this interval.</summary>
public enum ObservedStatus
{
    /// <summary>Enough traffic, every endpoint a Pod: the spread is judged.</summary>
    Judged,

    /// <summary>Less traffic than the source's minimum rate (or none at all): not judged.</summary>
    Idle,

    /// <summary>
    /// Cannot be joined: an endpoint does not point at a Pod, the pool is empty, or backends are
    /// measured by different queries (whose units may differ).
    /// </summary>
    NotComparable,

    /// <summary>A query that measures it failed this interval: the last state is kept.</summary>
    Unavailable,
}
