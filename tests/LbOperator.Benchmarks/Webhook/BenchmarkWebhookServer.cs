using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using k8s;
using LbOperator.Core.Model;
using LbOperator.Runtime;
using LbOperator.Webhook.Admission;
using LbOperator.Webhook.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LbOperator.Benchmarks.Webhook;

/// <summary>
/// The webhook composed as in the operator, on loopback HTTPS, with an allow-all endpoint on the same
/// server as the baseline: parse the body, echo the uid, allow.
/// </summary>
public sealed class BenchmarkWebhookServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly string directory;

    private BenchmarkWebhookServer(WebApplication app, string directory, Uri baseAddress)
    {
        this.app = app;
        this.directory = directory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<BenchmarkWebhookServer> StartAsync(IClusterView cluster, string mode)
    {
        var directory = Directory.CreateTempSubdirectory("lb-webhook-bench-").FullName;
        WriteSelfSigned(Path.Combine(directory, "tls.crt"), Path.Combine(directory, "tls.key"));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LbOperator:Webhook:Mode"] = mode,
            ["LbOperator:Webhook:CertFile"] = Path.Combine(directory, "tls.crt"),
            ["LbOperator:Webhook:KeyFile"] = Path.Combine(directory, "tls.key"),
        });
        builder.Services.AddSingleton(cluster);
        builder.Services.AddSingleton<ICacheReadiness, SyncedCaches>();
        builder.Services.AddSingleton<IKubernetes>(new k8s.Kubernetes(new KubernetesClientConfiguration { Host = "http://127.0.0.1:9" }));
        builder.Services.AddSingleton<IApiWriteGate, DiscardingWriteGate>();
        builder.Services.AddLbOperatorWebhook(builder.Configuration);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenWebhook(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapLbOperatorWebhook();
        app.MapPost("/allow-all", AllowAllAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new BenchmarkWebhookServer(app, directory, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    private static async Task AllowAllAsync(HttpContext context)
    {
        using var document = await JsonDocument.ParseAsync(context.Request.Body);
        var uid = document.RootElement.GetProperty("request").GetProperty("uid").GetString()!;
        var review = AdmissionReviewWriter.ToBytes(new AdmissionResponse(uid, true, [], null));
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(review);
    }

    private static void WriteSelfSigned(string certFile, string keyFile)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=lb-operator-webhook-bench", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(certFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
    }

    private sealed class SyncedCaches : ICacheReadiness
    {
        public bool IsSynced => true;
    }

    /// <summary>Events are not part of the measurement; the gate drops them.</summary>
    private sealed class DiscardingWriteGate : IApiWriteGate
    {
        public Task<T> ExecuteAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
            Task.FromResult(default(T)!);
    }
}
