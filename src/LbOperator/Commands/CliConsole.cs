namespace LbOperator.Commands;

/// <summary>The streams one command line reads and writes; tests pass their own.</summary>
/// <param name="UseColour">ANSI colour in the text report: only for a terminal, and never when NO_COLOR is set.</param>
/// <param name="Clock">"Now" for observed traffic (<c>check --prometheus-url</c>); the system clock when null.</param>
internal sealed record CliConsole(TextReader Input, TextWriter Output, TextWriter Error, bool UseColour, TimeProvider? Clock = null)
{
    public TimeProvider Time => Clock ?? TimeProvider.System;

    public static CliConsole System() => new(
        Console.In,
        StandardOutput(),
        Console.Error,
        !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")));

    /// <summary>
    /// Standard output that, like <see cref="Console.Out"/>, flushes on every write, but passes a large write on
    /// in one piece: the console's own writer cuts everything into 256-byte system calls.
    /// </summary>
    private static TextWriter StandardOutput() =>
        TextWriter.Synchronized(new StreamWriter(Console.OpenStandardOutput(), Console.OutputEncoding, 1 << 16) { AutoFlush = true });
}
