using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace LbOperator.Webhook.Hosting;

/// <summary>
/// The whole webhook in two calls for the operator host: services plus the HTTPS listener on the
/// builder, the endpoints on the app. Both do nothing when <c>LbOperator:Webhook:Enabled</c> is false.
/// </summary>
public static class WebhookHostExtensions
{
    public static bool IsWebhookEnabled(this IConfiguration configuration) =>
        configuration.GetSection(WebhookOptions.SectionName).GetValue(nameof(WebhookOptions.Enabled), true);

    /// <param name="port">The HTTPS port, <c>LbOperator:Ports:Webhook</c> (9443).</param>
    public static WebApplicationBuilder AddLbOperatorWebhook(this WebApplicationBuilder builder, int port)
    {
        if (builder.Configuration.IsWebhookEnabled())
        {
            builder.Services.AddLbOperatorWebhook(builder.Configuration);
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenWebhook(null, port));
        }

        return builder;
    }

    public static WebApplication UseLbOperatorWebhook(this WebApplication app)
    {
        if (app.Configuration.IsWebhookEnabled())
        {
            app.MapLbOperatorWebhook();
        }

        return app;
    }
}
