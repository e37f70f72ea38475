using LbOperator.Core.Analysis;

namespace LbOperator.Webhook.Evaluation;

/// <summary>The findings that deny the change in enforce mode, and those that are only worth a warning.</summary>
public sealed record Verdict(IReadOnlyList<Finding> Blocking, IReadOnlyList<Finding> Advisory);
