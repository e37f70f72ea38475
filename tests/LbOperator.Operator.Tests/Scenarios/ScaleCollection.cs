namespace LbOperator.Operator.Tests.Scenarios;

/// <summary>Tests over 10,000 objects run alone, after the others: in parallel they would starve the timing-sensitive ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ScaleCollection
{
    public const string Name = "10,000 objects";
}
