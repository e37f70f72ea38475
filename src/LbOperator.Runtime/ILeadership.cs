namespace LbOperator.Runtime;

/// <summary>Whether this replica currently holds the leader lease; only the leader writes Events.</summary>
public interface ILeadership
{
    bool IsLeader { get; }

    /// <summary>Raised each time this replica becomes leader. Handlers run on the election's thread and must be quick.</summary>
    event Action? LeadershipGained;
}
