using System.CommandLine;
using k8s.Exceptions;
using LbOperator.Check;
using LbOperator.Operator.Hosting;
using LbOperator.Operator.Options;
using LbOperator.Webhook.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace LbOperator.Commands;

/// <summary>
/// <c>lb-operator run</c>: the operator, plus the admission webhook on its HTTPS port unless
/// <c>Webhook:Enabled</c> is false. Any other flag is configuration: <c>--LbOperator:Workers 2</c>
/// or an alias such as <c>--workers 2</c>.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var kubeconfig = new Option<string?>("--kubeconfig")
        {
            Description = "Kubeconfig to use outside a cluster (default: in-cluster config, else KUBECONFIG, else ~/.kube/config).",
        };
        var config = new Option<string[]>("--config")
        {
            Description = "A JSON settings file (like appsettings.json). Repeatable; later files win.",
        };
        var command = new Command("run", "Run the operator: watch Services, Ingresses and HTTPRoutes, publish Events and metrics, serve the webhook.")
        {
            kubeconfig,
            config,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            try
            {
                var settings = new OperatorHostSettings
                {
                    Args = parseResult.UnmatchedTokens.ToList(),
                    KubeconfigPath = parseResult.GetValue(kubeconfig),
                    ConfigFiles = parseResult.GetValue(config) ?? [],
                    ConfigureBuilder = builder => builder.AddLbOperatorWebhook(WebhookPort(builder.Configuration)),
                    ConfigureApp = app => app.UseLbOperatorWebhook(),
                };
                await using var app = OperatorHost.Create(settings);
                await app.RunAsync().ConfigureAwait(false);
                return 0;
            }
            catch (OptionsValidationException invalid)
            {
                foreach (var failure in invalid.Failures)
                {
                    error.WriteLine($"lb-operator run: {failure}");
                }

                return ExitCodes.UsageOrInputError;
            }
            catch (Exception startup) when (startup is KubeConfigException or IOException or InvalidDataException or FormatException or InvalidOperationException)
            {
                error.WriteLine($"lb-operator run: {startup.Message.ReplaceLineEndings(" ")}");
                return ExitCodes.UsageOrInputError;
            }
        });
        return command;
    }

    private static int WebhookPort(IConfiguration configuration) =>
        configuration.GetValue($"{OperatorOptions.SectionName}:Ports:Webhook", new PortOptions().Webhook);
}
