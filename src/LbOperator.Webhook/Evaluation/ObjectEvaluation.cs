using LbOperator.Core.Analysis;

namespace LbOperator.Webhook.Evaluation;

/// <summary>What the analysis says about an object and every object that shares its entry points.</summary>
public sealed record ObjectEvaluation(IReadOnlyList<EntryPointResult> EntryPoints, IReadOnlyList<Finding> Findings)
{
    public static ObjectEvaluation Empty { get; } = new([], []);
}
