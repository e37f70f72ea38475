using System.CommandLine;
using k8s.Exceptions;
using LbOperator.Check;
using LbOperator.Hosting;
using Microsoft.Extensions.Options;

namespace LbOperator.Commands;

/// <summary>
/// <c>lb-operator run</c>: the operator, plus the admission webhook on its HTTPS port unless
/// <c>LbOperator:Webhook:Enabled</c> is false. Configuration flags are the listed aliases
/// (<c>--workers 2</c>) or any key (<c>--LbOperator:Workers 2</c>). Exit code 2 means a usage or
/// configuration error, found before anything connects; 1 means the running operator failed.
/// </summary>
internal static class RunCommand
{
    public const int RuntimeFailure = 1;

    public static Command Create()
    {
        var kubeconfig = new Option<string?>("--kubeconfig")
        {
            Description = "Kubeconfig to use outside a cluster (default: in-cluster config, else KUBECONFIG, else ~/.kube/config).",
            HelpName = "PATH",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var config = new Option<string[]>("--config")
        {
            Description = "A JSON settings file (like appsettings.json). Repeatable; later files win.",
            HelpName = "PATH",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var aliases = RunArguments.CreateAliases();
        var command = new Command("run", "Run the operator: watch Services, Ingresses and HTTPRoutes, publish Events and metrics, serve the webhook. "
            + "Any setting can also be given as --LbOperator:Section:Key VALUE; durations as 10m, 15s, 1h30m or 00:10:00.")
        {
            kubeconfig,
            config,
        };
        foreach (var alias in aliases)
        {
            command.Options.Add(alias);
        }

        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            if (RunArguments.Read(parseResult, aliases, [kubeconfig, config], out var usageError) is not { } arguments)
            {
                error.WriteLine($"lb-operator run: {usageError} (see lb-operator run --help)");
                return ExitCodes.UsageOrInputError;
            }

            Microsoft.AspNetCore.Builder.WebApplication app;
            try
            {
                app = LbOperatorHost.Create(new LbOperatorHostSettings
                {
                    Args = arguments,
                    KubeconfigPath = parseResult.GetValue(kubeconfig),
                    ConfigFiles = parseResult.GetValue(config) ?? [],
                });
            }
            catch (Exception input) when (input is KubeConfigException or IOException or InvalidDataException or FormatException || IsInvalidConfiguration(input))
            {
                return Report(error, input, ExitCodes.UsageOrInputError);
            }

            await using (app.ConfigureAwait(false))
            {
                try
                {
                    await app.RunAsync().ConfigureAwait(false);
                    return 0;
                }
                catch (Exception invalid) when (IsInvalidConfiguration(invalid))
                {
                    return Report(error, invalid, ExitCodes.UsageOrInputError);
                }
                catch (Exception failure) when (failure is not OutOfMemoryException)
                {
                    return Report(error, failure, RuntimeFailure);
                }
            }
        });
        return command;
    }

    /// <summary>Start-time validation throws one failure as itself and several as an <see cref="AggregateException"/>.</summary>
    private static bool IsInvalidConfiguration(Exception exception) =>
        exception is OptionsValidationException
        || (exception is AggregateException aggregate && aggregate.InnerExceptions.All(inner => inner is OptionsValidationException));

    private static int Report(TextWriter error, Exception exception, int exitCode)
    {
        var lines = exception switch
        {
            OptionsValidationException invalid => invalid.Failures,
            AggregateException aggregate when IsInvalidConfiguration(aggregate) => aggregate.InnerExceptions.SelectMany(inner => ((OptionsValidationException)inner).Failures),
            _ => [exception.Message],
        };
        foreach (var line in lines)
        {
            error.WriteLine($"lb-operator run: {line.ReplaceLineEndings(" ")}");
        }

        return exitCode;
    }
}
