using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LbOperator.Webhook.Hosting;

public static class WebhookEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST /validate</c> (cluster default mode) and <c>/validate/warn</c>, <c>/validate/enforce</c>,
    /// which the chart points namespaces labelled <c>lb-operator.io/enforce</c> at.
    /// </summary>
    public static IEndpointRouteBuilder MapLbOperatorWebhook(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/validate", (HttpContext context) => AdmissionEndpoint.HandleAsync(context, null));
        endpoints.MapPost("/validate/warn", (HttpContext context) => AdmissionEndpoint.HandleAsync(context, WebhookMode.Warn));
        endpoints.MapPost("/validate/enforce", (HttpContext context) => AdmissionEndpoint.HandleAsync(context, WebhookMode.Enforce));
        return endpoints;
    }
}
