using k8s;
using LbOperator.Operator.Metrics;
using LbOperator.Operator.Options;
using LbOperator.Operator.Publishing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace LbOperator.Operator.Hosting;

/// <summary>
/// Builds the operator process: configuration (appsettings, extra files, <c>LbOperator__X</c> env vars,
/// flags), logging (JSON console with <c>LbOperator:LogFormat=json</c>), the runtime services, and
/// Kestrel serving <c>/healthz</c> and <c>/readyz</c> on the health port and <c>/metrics</c> on the
/// metrics port, both plain HTTP. Hooks in <see cref="OperatorHostSettings"/> add more (the webhook).
/// </summary>
public static class OperatorHost
{
    public static WebApplication Create(OperatorHostSettings settings)
    {
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
        var ports = OptionsBinding.BindNow<PortOptions>(builder.Configuration.GetSection($"{OperatorOptions.SectionName}:Ports"));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ListenAnyIP(ports.Health);
            kestrel.ListenAnyIP(ports.Metrics);
        });
        // Read before validation (the host's lifetime needs it first); a bad value is reported by the validation at start.
        var shutdownTimeout = Durations.TryParse(builder.Configuration[$"{OperatorOptions.SectionName}:{nameof(OperatorOptions.ShutdownTimeout)}"], out var configured)
            ? configured
            : new OperatorOptions().ShutdownTimeout;
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = shutdownTimeout);

        var clientConfiguration = settings.ClientConfiguration ?? KubernetesConnection.Resolve(settings.KubeconfigPath);
        builder.Services.AddOperatorRuntime(builder.Configuration, clientConfiguration, settings.Registry ?? new CollectorRegistry());
        builder.Services.AddHealthChecks().AddCheck<CacheSyncHealthCheck>(CacheSyncHealthCheck.Name, tags: ["ready"]);
        settings.ConfigureBuilder?.Invoke(builder);

        var app = builder.Build();
        // Routed by the port the connection arrived on, not by the Host header: a port-forward to
        // another local port (9090:8080) or a probe through a Service port must still be answered.
        app.UseHealthChecks("/healthz", ports.Health, new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") });
        app.UseHealthChecks("/readyz", ports.Health, new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        // Built here, so the per-object families are in the exposition from the first scrape.
        app.Services.GetRequiredService<StateMetrics>();
        var metrics = app.Services.GetRequiredService<OperatorMetrics>();
        app.MapWhen(context => context.Connection.LocalPort == ports.Metrics && context.Request.Path == "/metrics", branch => branch.Run(async context =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await metrics.ExportAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        }));
        settings.ConfigureApp?.Invoke(app);
        return app;
    }

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
