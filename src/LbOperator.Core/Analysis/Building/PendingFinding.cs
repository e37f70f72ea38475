using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.Building;

/// <summary>A finding decided while building an entry point (LB003..LB006); it needs no thresholds.</summary>
internal sealed record PendingFinding(RuleDescriptor Rule, ObjectRef Object, string Message);
