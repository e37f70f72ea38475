using LbOperator.Runtime;

namespace LbOperator.Runtime.Tests.Fakes;

/// <summary>Leadership a test switches by hand.</summary>
internal sealed class SettableLeadership : ILeadership
{
    public bool IsLeader { get; set; }

    public event Action? LeadershipGained;

    /// <summary>Becomes leader and tells the subscribers, as a won election does.</summary>
    public void Gain()
    {
        IsLeader = true;
        LeadershipGained?.Invoke();
    }
}
