namespace LbOperator.Commands;

/// <summary>The streams one command line reads and writes; tests pass their own.</summary>
/// <param name="UseColour">ANSI colour in the text report: only for a terminal, and never when NO_COLOR is set.</param>
/// <param name="Clock">"Now" for observed traffic (<c>check --prometheus-url</c>); the system clock when null.</param>
internal sealed record CliConsole(TextReader Input, TextWriter Output, TextWriter Error, bool UseColour, TimeProvider? Clock = null)
{
    public TimeProvider Time => Clock ?? TimeProvider.System;

    public static CliConsole System() => new(
        Console.In,
        Console.Out,
        Console.Error,
        !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")));
}
