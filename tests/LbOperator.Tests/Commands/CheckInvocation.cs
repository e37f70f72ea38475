using LbOperator.Commands;

namespace LbOperator.Tests.Commands;

/// <summary>Runs the <c>lb-operator</c> command line in-process, with captured streams.</summary>
internal sealed record CheckInvocation(int ExitCode, string Stdout, string Stderr)
{
    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static CheckInvocation Run(params string[] args) => RunWithStdin("", args);

    /// <summary>The whole command line, as the executable sees it.</summary>
    public static CheckInvocation RunRoot(params string[] args) => RunWithStdin("", args);

    public static CheckInvocation RunWithStdin(string stdin, params string[] args) => RunWith(new StringReader(stdin), args);

    public static Task<CheckInvocation> RunAsync(params string[] args) => RunAtAsync(null, args);

    /// <param name="clock">"Now" for observed traffic; null for the system clock.</param>
    public static async Task<CheckInvocation> RunAtAsync(TimeProvider? clock, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = await CommandLine.InvokeAsync(args, new CliConsole(new StringReader(""), stdout, stderr, UseColour: false, clock));
        return new CheckInvocation(exitCode, stdout.ToString(), stderr.ToString());
    }

    public static CheckInvocation RunWith(TextReader stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = CommandLine.Invoke(args, new CliConsole(stdin, stdout, stderr, UseColour: false));
        return new CheckInvocation(exitCode, stdout.ToString(), stderr.ToString());
    }
}
