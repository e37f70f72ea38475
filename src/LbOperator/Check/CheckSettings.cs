using LbOperator.Core.Analysis;

namespace LbOperator.Check;

/// <summary>The validated flags of one <c>lb-operator check</c> run.</summary>
internal sealed record CheckSettings(IReadOnlyList<string> Paths, OutputFormat Format, Severity FailOn);
