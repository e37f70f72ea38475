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
    /// <param name="address">The address to bind; null for every address (IPv4 and IPv6).</param>
    public static KestrelServerOptions ListenWebhook(this KestrelServerOptions kestrel, IPAddress? address, int port)
    {
        if (address is null)
        {
            kestrel.ListenAnyIP(port, UseServingCertificate);
        }
        else
        {
            kestrel.Listen(address, port, UseServingCertificate);
        }

        return kestrel;
    }

    private static void UseServingCertificate(ListenOptions listen)
    {
        listen.Protocols = HttpProtocols.Http1AndHttp2;
        var certificate = listen.ApplicationServices.GetRequiredService<ServingCertificate>();
        listen.UseHttps(new HttpsConnectionAdapterOptions
        {
            SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            ServerCertificateSelector = (_, _) => certificate.Select(),
        });
    }
}
