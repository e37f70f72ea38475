using LbOperator.Core.Analysis;

namespace LbOperator.Operator.Publishing;

/// <summary>
/// A finding as last analysed, and as last announced by an Event. "Changed notably" is measured against
/// the announced one, so a skew that creeps up in small steps is still announced once it has moved enough.
/// </summary>
public sealed record PublishedFinding(Finding Current, Finding Announced);
