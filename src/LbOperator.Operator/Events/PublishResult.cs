namespace LbOperator.Operator.Events;

/// <summary>What happened to one Event publication.</summary>
public enum PublishResult
{
    /// <summary>A new Event object was created.</summary>
    Created,

    /// <summary>An existing Event with the same reason and message had its count bumped.</summary>
    Aggregated,

    /// <summary>Not written: the same Event was written less than the aggregation interval ago.</summary>
    Suppressed,

    /// <summary>Not written: this replica is not the leader.</summary>
    NotLeader,
}
