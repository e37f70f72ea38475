using System.CommandLine;
using LbOperator.Check;

namespace LbOperator.Commands;

/// <summary>
/// <c>lb-operator check -f PATH… [--output text|json|sarif] [--fail-on error|warning|info] [--load-balancer NAME]</c>.
/// The grammar is deliberately permissive and the values are validated in the action: System.CommandLine
/// exits 1 on its own parse errors, and 1 is reserved for "findings"; usage errors must exit 2.
/// </summary>
internal static class CheckCommand
{
    public static Command Create() => Create(() => Console.In);

    /// <param name="stdin">What <c>-f -</c> reads; tests pass their own text.</param>
    internal static Command Create(Func<TextReader> stdin)
    {
        var files = new Option<string[]>("--file", "-f")
        {
            Description = "A manifest file (several documents or a kind: List), a directory read recursively, or - for stdin. Repeatable.",
            HelpName = "PATH",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Report format: text (default), json or sarif. With json and sarif, stdout carries only the document.",
            HelpName = "text|json|sarif",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var failOn = new Option<string?>("--fail-on")
        {
            Description = "Exit 1 when a finding has at least this severity: error (default), warning or info.",
            HelpName = "error|warning|info",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var loadBalancer = LoadBalancerOption.Create();
        var command = new Command("check", "Audit how load balancing would spread traffic for the objects in manifest files.")
        {
            files,
            output,
            failOn,
            loadBalancer,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parseResult =>
        {
            var configuration = parseResult.InvocationConfiguration;
            if (!CheckArguments.TryRead(parseResult, files, output, failOn, out var settings, out var usageError)
                || !LoadBalancerOption.TryRead(parseResult, loadBalancer, out var implementation, out usageError))
            {
                configuration.Error.WriteLine($"lb-operator check: {usageError} (see lb-operator check --help)");
                return ExitCodes.UsageOrInputError;
            }

            settings = settings with { LoadBalancer = implementation };
            var useColour = ReferenceEquals(configuration.Output, Console.Out)
                && !Console.IsOutputRedirected
                && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
            try
            {
                return CheckRunner.Run(settings, new CheckConsole(stdin(), configuration.Output, configuration.Error, useColour));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The default handler would print a stack trace and exit 1, which CI reads as "findings".
                configuration.Error.WriteLine($"lb-operator check: internal error: {ex.Message.ReplaceLineEndings(" ")}");
                return ExitCodes.UsageOrInputError;
            }
        });
        return command;
    }
}
