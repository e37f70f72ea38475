using System.CommandLine;
using LbOperator.Check;

namespace LbOperator.Commands;

/// <summary>
/// The whole command line. Parse errors — an unknown command or option, a missing value — exit 2 with
/// one line, never 1 (which means "findings") and never the whole help; so does no command at all.
/// </summary>
internal static class CommandLine
{
    private const string Name = "lb-operator";

    public static int Invoke(string[] args, CliConsole console) =>
        InvokeAsync(args, console).GetAwaiter().GetResult();

    public static async Task<int> InvokeAsync(string[] args, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var root = new RootCommand("lb-operator: audits how Kubernetes load balancing really spreads traffic.")
        {
            VersionCommand.Create(),
            CheckCommand.Create(console),
            RulesCommand.Create(),
            RunCommand.Create(),
        };
        if (args.Length == 0)
        {
            console.Error.WriteLine($"{Name}: no command given; use check, rules, run or version (see {Name} --help)");
            return ExitCodes.UsageOrInputError;
        }

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            var command = parsed.CommandResult.Command is RootCommand ? Name : $"{Name} {parsed.CommandResult.Command.Name}";
            var reason = parsed.UnmatchedTokens is [var token, ..]
                ? (token.StartsWith('-') ? $"unknown option '{token}'" : $"unknown command or argument '{token}'")
                : parsed.Errors[0].Message.TrimEnd('.');
            console.Error.WriteLine($"{command}: {reason} (see {command} --help)");
            return ExitCodes.UsageOrInputError;
        }

        // The run command's host handles SIGTERM itself (drain, release the lease); System.CommandLine would kill it after 2 s.
        return await parsed.InvokeAsync(new InvocationConfiguration
        {
            Output = console.Output,
            Error = console.Error,
            ProcessTerminationTimeout = null,
        }).ConfigureAwait(false);
    }
}
