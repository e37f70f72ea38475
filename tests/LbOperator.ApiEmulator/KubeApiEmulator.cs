using System.Collections.Concurrent;
using System.Net;
using k8s;
using LbOperator.ApiEmulator.Faults;
using LbOperator.ApiEmulator.Http;
using LbOperator.ApiEmulator.Resources;
using LbOperator.ApiEmulator.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LbOperator.ApiEmulator;

/// <summary>
/// An in-process Kubernetes API server on real Kestrel (127.0.0.1, ephemeral port), talked to by the
/// real KubernetesClient. Tests seed objects through <see cref="Objects"/> (or the client), inject
/// faults through <see cref="Faults"/> and control watches and discovery directly.
/// </summary>
public sealed class KubeApiEmulator : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, bool> installedReportGroups = new(StringComparer.Ordinal);
    private volatile bool gatewayApiInstalled;

    private ApiRequestHandler? handler;

    private KubeApiEmulator(WebApplication app, ResourceStore store, FaultInjector faults, ConcurrentQueue<ApiRequestRecord> requests, bool gatewayApiInstalled)
    {
        this.app = app;
        Store = store;
        Faults = faults;
        Objects = new EmulatorObjects(store);
        Requests = requests;
        this.gatewayApiInstalled = gatewayApiInstalled;
    }

    /// <summary>Base address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Url { get; private set; } = "";

    public ResourceStore Store { get; }

    public FaultInjector Faults { get; }

    /// <summary>Typed seeding and read-back that bypasses HTTP and faults.</summary>
    public EmulatorObjects Objects { get; }

    /// <summary>Every request served so far, in order.</summary>
    public ConcurrentQueue<ApiRequestRecord> Requests { get; }

    public bool GatewayApiInstalled => gatewayApiInstalled;

    /// <summary>Discovery requests served so far (they are not in <see cref="Requests"/>).</summary>
    public int DiscoveryRequests => handler?.DiscoveryRequests ?? 0;

    public static async Task<KubeApiEmulator> StartAsync(KubeApiEmulatorOptions? options = null)
    {
        options ??= new KubeApiEmulatorOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();

        var store = new ResourceStore(options.TimeProvider, options.HistoryLimit);
        var faults = new FaultInjector();
        var requests = new ConcurrentQueue<ApiRequestRecord>();
        var emulator = new KubeApiEmulator(app, store, faults, requests, options.GatewayApiInstalled);
        var handler = new ApiRequestHandler(store, faults, new WatchStream(store, options.BookmarkInterval),
            new DiscoveryDocuments(emulator.IsServed), emulator.IsServed, requests);
        emulator.handler = handler;
        app.Run(handler.HandleAsync);

        await app.StartAsync();
        emulator.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First().TrimEnd('/');
        return emulator;
    }

    public KubernetesClientConfiguration ClientConfiguration() => new() { Host = Url };

    public Kubernetes CreateClient() => new(ClientConfiguration());

    /// <summary>Makes the Gateway API CRDs appear (discovery, list, watch); uninstalling also forgets every object of them.</summary>
    public void InstallGatewayApi() => gatewayApiInstalled = true;

    /// <summary>Makes a report CRD appear: <c>wgpolicyk8s.io</c> (PolicyReport) or <c>openreports.io</c> (Report).</summary>
    public void InstallReportApi(string group) => installedReportGroups[group] = true;

    public void UninstallGatewayApi()
    {
        gatewayApiInstalled = false;
        foreach (var resource in ApiResourceCatalog.All.Where(r => r.Group == ApiResourceCatalog.GatewayGroup))
        {
            Store.DropWatches(resource);
            foreach (var item in Store.List(resource, null, _ => true).Items)
            {
                Store.Delete(item.Resource, item.Namespace, item.Name);
            }
        }
    }

    /// <summary>Cuts every open watch (of one resource, or all), as a network failure would.</summary>
    public int DropWatches(ApiResource? resource = null) => Store.DropWatches(resource);

    /// <summary>Open watches keep their connections but deliver nothing from now on.</summary>
    public int SilenceWatches(ApiResource? resource = null) => Store.SilenceWatches(resource);

    public int OpenWatches(ApiResource? resource = null) => Store.OpenWatches(resource);

    /// <summary>Forgets the change history: watches resuming from an older resourceVersion get 410 Expired.</summary>
    public void CompactHistory() => Store.Compact();

    public int RequestCount(ApiVerb verb, ApiResource resource) =>
        Requests.Count(r => r.Verb == verb && r.Resource == resource.Name);

    public async ValueTask DisposeAsync()
    {
        Store.DropWatches(null);
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private bool IsServed(ApiResource resource) => resource.Group switch
    {
        ApiResourceCatalog.GatewayGroup => gatewayApiInstalled,
        ApiResourceCatalog.PolicyReportGroup or ApiResourceCatalog.OpenReportsGroup => installedReportGroups.ContainsKey(resource.Group),
        _ => true,
    };
}
