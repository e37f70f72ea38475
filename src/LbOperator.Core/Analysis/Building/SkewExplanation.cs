using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.Building;

/// <summary>Why an entry point may be uneven, worded for LB001: the cause, its numbers and the fix.</summary>
/// <param name="Object">The object that carries the cause; LB001 is attached to it.</param>
internal sealed record SkewExplanation(SkewCause Cause, ObjectRef Object, string Detail, string Fix);
