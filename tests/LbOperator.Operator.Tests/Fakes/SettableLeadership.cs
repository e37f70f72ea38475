using LbOperator.Operator.Runtime;

namespace LbOperator.Operator.Tests.Fakes;

/// <summary>Leadership a test switches by hand.</summary>
internal sealed class SettableLeadership : ILeadership
{
    public bool IsLeader { get; set; }
}
