using System.Net;
using System.Security.Authentication;
using LbOperator.Webhook.Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;

namespace LbOperator.Webhook.Hosting;

public static class WebhookKestrelExtensions
{
    /// <summary>
    /// Adds the webhook's HTTPS listener: TLS 1.2 or later, with the certificate chosen per handshake
    /// so that a reloaded certificate is used without a restart.
    /// </summary>
    public static KestrelServerOptions ListenWebhook(this KestrelServerOptions kestrel, IPAddress address, int port)
    {
        kestrel.Listen(address, port, listen =>
        {
            listen.Protocols = HttpProtocols.Http1AndHttp2;
            var certificate = listen.ApplicationServices.GetRequiredService<ServingCertificate>();
            listen.UseHttps(new HttpsConnectionAdapterOptions
            {
                SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                ServerCertificateSelector = (_, _) => certificate.Select(),
            });
        });
        return kestrel;
    }
}
