using System.CommandLine;
using LbOperator.Check;

namespace LbOperator.Commands;

/// <summary>
/// <c>lb-operator check [-f PATH…] [--cluster] [-o FORMAT] [--fail-on SEVERITY] …</c>. Values are validated
/// in the action so that a bad one is a one-line usage error with exit code 2 (1 means "findings").
/// </summary>
internal static class CheckCommand
{
    public static Command Create(CliConsole console)
    {
        var options = new CheckOptions();
        var command = new Command("check", "Audit how load balancing spreads traffic for the objects in manifest files, the live cluster, or both.");
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parsed, cancellationToken) =>
        {
            CheckSettings settings;
            try
            {
                settings = CheckArguments.Read(parsed, options, Directory.GetCurrentDirectory());
            }
            catch (FormatException usage)
            {
                console.Error.WriteLine($"lb-operator check: {usage.Message} (see lb-operator check --help)");
                return ExitCodes.UsageOrInputError;
            }

            try
            {
                return await CheckRunner.RunAsync(settings, console, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The default handler would print a stack trace and exit 1, which CI reads as "findings".
                console.Error.WriteLine($"lb-operator check: internal error: {ex.Message.ReplaceLineEndings(" ")}");
                return ExitCodes.UsageOrInputError;
            }
        });
        return command;
    }
}
