namespace LbOperator.Operator.Runtime;

/// <summary>Whether this replica currently holds the leader lease; only the leader writes Events.</summary>
public interface ILeadership
{
    bool IsLeader { get; }
}
