using LbOperator.Core.Model;

namespace LbOperator.Operator.Observed;

/// <summary>One entry point: its owner and its stable name.</summary>
public readonly record struct ObservedKey(ObjectRef Owner, string EntryPoint);
