namespace LbOperator.Operator.Events;

/// <summary>How to write one Event: create <see cref="Name"/>, or patch it to <see cref="Count"/>; or not at all.</summary>
internal sealed record EventPlan(EventPlanAction Action, string Name, int Count, DateTimeOffset FirstTimestamp);
