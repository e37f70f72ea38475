using System.CommandLine;
using LbOperator.Commands;

namespace LbOperator.Tests.Commands;

/// <summary>Runs <c>lb-operator check</c> in-process through the real root command, with captured streams.</summary>
internal sealed record CheckInvocation(int ExitCode, string Stdout, string Stderr)
{
    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static CheckInvocation Run(params string[] args) => RunWithStdin("", args);

    public static CheckInvocation RunWithStdin(string stdin, params string[] args)
    {
        var root = new RootCommand("lb-operator") { CheckCommand.Create(() => new StringReader(stdin)) };
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = root.Parse(args).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        return new CheckInvocation(exitCode, stdout.ToString(), stderr.ToString());
    }
}
