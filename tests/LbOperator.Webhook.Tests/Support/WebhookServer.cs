using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using k8s;
using k8s.Models;
using LbOperator.ApiEmulator;
using LbOperator.Core.Model;
using LbOperator.Runtime;
using LbOperator.Webhook.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LbOperator.Webhook.Tests.Support;

/// <summary>
/// The webhook on real Kestrel over HTTPS on 127.0.0.1 with a random port, composed the way the
/// operator host composes it, plus an allow-all endpoint for comparison. Its Events go to an API emulator.
/// </summary>
public sealed class WebhookServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private readonly k8s.Kubernetes client;

    private WebhookServer(WebApplication app, Uri baseAddress, TempDirectory directory, TestCertificateAuthority authority, KubeApiEmulator emulator, k8s.Kubernetes client)
    {
        this.app = app;
        this.client = client;
        BaseAddress = baseAddress;
        Directory = directory;
        Authority = authority;
        Emulator = emulator;
    }

    public Uri BaseAddress { get; }

    public TempDirectory Directory { get; }

    public TestCertificateAuthority Authority { get; }

    /// <summary>The API server the webhook writes its Events to.</summary>
    public KubeApiEmulator Emulator { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<WebhookServer> StartAsync(string mode = "warn", IClusterView? view = null)
    {
        var directory = new TempDirectory();
        var authority = new TestCertificateAuthority();
        authority.IssueTo(directory.File("tls.crt"), directory.File("tls.key"));
        var emulator = await KubeApiEmulator.StartAsync();
        var client = emulator.CreateClient();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LbOperator:Webhook:Mode"] = mode,
            ["LbOperator:Webhook:CertFile"] = directory.File("tls.crt"),
            ["LbOperator:Webhook:KeyFile"] = directory.File("tls.key"),
        });
        builder.Services.AddSingleton(view ?? ShopCluster.Create());
        builder.Services.AddSingleton<ICacheReadiness>(new FixedCacheReadiness(true));
        builder.Services.AddSingleton<IKubernetes>(client);
        builder.Services.AddSingleton<IApiWriteGate, DirectWriteGate>();
        builder.Services.AddLbOperatorWebhook(builder.Configuration);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenWebhook(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapLbOperatorWebhook();
        app.MapPost("/allow-all", AllowAll.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new WebhookServer(app, new Uri(address), directory, authority, emulator, client);
    }

    /// <summary>Waits for the first Event the webhook writes.</summary>
    public async Task<Corev1Event> FirstEventAsync()
    {
        await Poll.UntilAsync(() => Emulator.Objects.List<Corev1Event>().Count > 0, "the webhook wrote an Event");
        return Emulator.Objects.List<Corev1Event>()[0];
    }

    /// <summary>A client that trusts any server certificate and reports the one each new connection was shown.</summary>
    public static HttpClient Client(Action<X509Certificate2>? presented = null) => new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            {
                if (certificate is not null)
                {
                    presented?.Invoke(new X509Certificate2(certificate));
                }

                return true;
            },
        },
    });

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        client.Dispose();
        await Emulator.DisposeAsync();
        Authority.Dispose();
        Directory.Dispose();
    }
}
