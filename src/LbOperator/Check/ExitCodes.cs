namespace LbOperator.Check;

/// <summary>The exit codes of <c>lb-operator check</c>; CI pipelines branch on them.</summary>
internal static class ExitCodes
{
    public const int Clean = 0;

    /// <summary>At least one finding at or above <c>--fail-on</c>.</summary>
    public const int Findings = 1;

    /// <summary>A usage error, unreadable or malformed input, or (never expected) an internal error.</summary>
    public const int UsageOrInputError = 2;
}
