using LbOperator.Runtime;

namespace LbOperator.Operator.Tests.Fakes;

internal sealed class StaticReadiness : ICacheReadiness
{
    public bool IsSynced { get; set; } = true;
}
