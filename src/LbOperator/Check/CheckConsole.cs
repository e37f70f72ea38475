namespace LbOperator.Check;

/// <summary>The streams one run reads and writes; tests pass their own.</summary>
/// <param name="UseColour">ANSI colour in the text report: only for a terminal, and never when NO_COLOR is set.</param>
internal sealed record CheckConsole(TextReader Input, TextWriter Output, TextWriter Error, bool UseColour)
{
    /// <summary>Stamps the results of <c>--output policyreport</c>.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
