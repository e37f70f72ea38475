using LbOperator.Kubernetes.Observed;
using LbOperator.Kubernetes.Protobuf;
using LbOperator.Operator.Hosting;
using LbOperator.Operator.Options;
using LbOperator.Runtime;
using LbOperator.Runtime.Metrics;
using LbOperator.Runtime.Options;
using LbOperator.Webhook.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LbOperator.Hosting;

/// <summary>
/// The process of <c>lb-operator run</c>, composed here and nowhere else: configuration (appsettings, extra
/// files, <c>LbOperator__X</c> env vars, flags), logging (JSON console with <c>LbOperator:LogFormat=json</c>),
/// <c>AddLbOperator</c> and <c>AddLbOperatorWebhook</c>, and Kestrel serving <c>/healthz</c> and
/// <c>/readyz</c> on the health port, <c>/metrics</c> on the metrics port (both plain HTTP) and the webhook
/// on its HTTPS port.
/// </summary>
public static class LbOperatorHost
{
    public static WebApplication Create(LbOperatorHostSettings settings) => Build(CreateBuilder(settings));

    /// <summary>The configured builder, every service registered; tests replace services here before <see cref="Build"/>.</summary>
    public static WebApplicationBuilder CreateBuilder(LbOperatorHostSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // Reading a kubeconfig (YAML, and an exec plugin's output when it has one) and opening the connection to
        // the API server (TLS, HTTP/2) overlap with building the host, so the first lists start on an open
        // connection. Kubeconfig errors surface unwrapped where the configuration is used.
        var connection = Task.Run(() =>
        {
            var configuration = settings.ClientConfiguration ?? KubernetesConnection.Resolve(settings.KubeconfigPath);
            var client = new ProtobufKubernetes(configuration);
            _ = client.ConnectAsync(CancellationToken.None);
            return (Configuration: configuration, Client: client);
        });
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        foreach (var file in settings.ConfigFiles)
        {
            builder.Configuration.AddJsonFile(Path.GetFullPath(file), optional: false, reloadOnChange: false);
        }

        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddCommandLine(settings.Args.ToArray(), CommandLineAliases.Mappings);
        builder.Configuration.AddInMemoryCollection(settings.Overrides);

        ConfigureLogging(builder);
        var ports = Ports(builder.Configuration);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ListenAnyIP(ports.Health);
            kestrel.ListenAnyIP(ports.Metrics);
        });
        // Read before validation (the host's lifetime needs it first); a bad value is reported by the validation at start.
        var shutdownTimeout = GoDuration.TryParse(builder.Configuration[$"{OperatorOptions.SectionName}:{nameof(OperatorOptions.ShutdownTimeout)}"], out var configured)
            ? configured
            : new OperatorOptions().ShutdownTimeout;
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = shutdownTimeout);

        var (clientConfiguration, client) = connection.GetAwaiter().GetResult();
        builder.Services.AddKubernetesClient(clientConfiguration, client);
        builder.Services.AddLbOperator(builder.Configuration, clientConfiguration);
        builder.AddLbOperatorWebhook(ports.Webhook);
        return builder;
    }

    /// <exception cref="OptionsValidationException">One setting is invalid.</exception>
    /// <exception cref="AggregateException">Several are; each inner exception names its own.</exception>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();
        // Every section at once, before any service is built: building a hosted service reads its options and
        // would otherwise report only the first bad section, from inside the host's start.
        app.Services.GetService<IStartupValidator>()?.Validate();
        var ports = Ports(app.Configuration);
        // Routed by the port the connection arrived on, not by the Host header: a port-forward to
        // another local port (9090:8080) or a probe through a Service port must still be answered.
        app.UseHealthChecks("/healthz", ports.Health, new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") });
        app.UseHealthChecks("/readyz", ports.Health, new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        var exposition = app.Services.GetRequiredService<MetricsExposition>();
        app.MapWhen(context => context.Connection.LocalPort == ports.Metrics && context.Request.Path == "/metrics", branch => branch.Run(async context =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await exposition.ExportAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        }));
        app.UseLbOperatorWebhook();
        return app;
    }

    private static PortOptions Ports(IConfiguration configuration) =>
        OptionsBinding.BindNow<PortOptions>(configuration.GetSection($"{OperatorOptions.SectionName}:Ports"));

    private static void ConfigureLogging(WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        if (string.Equals(builder.Configuration[$"{OperatorOptions.SectionName}:LogFormat"], "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddJsonConsole(json => json.UseUtcTimestamp = true);
        }
        else
        {
            builder.Logging.AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.UseUtcTimestamp = true;
                console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });
        }
    }
}
