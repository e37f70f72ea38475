using k8s;
using LbOperator.ApiEmulator;
using LbOperator.Operator.Informers;
using LbOperator.Operator.Metrics;
using LbOperator.Operator.Options;
using LbOperator.Operator.Publishing;
using LbOperator.Operator.Queue;
using LbOperator.Operator.Reconciliation;
using LbOperator.Operator.Routing;
using LbOperator.Operator.Runtime;
using LbOperator.Operator.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace LbOperator.Operator.Tests.Scenarios;

/// <summary>
/// The operator's pipeline against an API server: real informers, dependency routing, work queue,
/// workers, full audit and reconcile over KubernetesClient, with small timings (2 s watchdog, 1 s
/// resync) so faults heal quickly. Writes go out unretried and this replica always leads: the scenarios
/// exercise reconcile, not the write gate or leader election.
/// </summary>
internal sealed class OperatorUnderTest : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _running;

    private OperatorUnderTest(ServiceProvider provider, Task running, CancellationTokenSource stopping)
    {
        _provider = provider;
        _running = running;
        _stopping = stopping;
    }

    public OperatorMetrics Metrics => _provider.GetRequiredService<OperatorMetrics>();

    public PublishedStates States => _provider.GetRequiredService<PublishedStates>();

    public ClusterCaches Caches => _provider.GetRequiredService<ClusterCaches>();

    public static OperatorUnderTest Start(KubeApiEmulator emulator)
    {
        var client = emulator.CreateClient();
        var options = new OperatorOptions
        {
            ExcludedNamespaces = ["kube-system"],
            WatchSilenceTimeout = TimeSpan.FromSeconds(2),
            CrdCheckInterval = TimeSpan.FromSeconds(1),
            ResyncPeriod = TimeSpan.FromSeconds(1),
            Workers = 2,
        };
        var metrics = new OperatorMetrics(Prometheus.Metrics.NewCustomRegistry());
        var services = new ServiceCollection()
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton<IKubernetes>(client)
            .AddSingleton(Microsoft.Extensions.Options.Options.Create(options))
            .AddSingleton(metrics)
            .AddSingleton(new ClusterCaches(client, options, new GatewayApiDiscovery(client).IsHttpRouteServedAsync,
                TimeProvider.System, metrics, NullLoggerFactory.Instance))
            .AddSingleton<ICacheReadiness>(provider => provider.GetRequiredService<ClusterCaches>())
            .AddSingleton(Mock.Of<ILeadership>(leadership => leadership.IsLeader))
            .AddSingleton<IApiWriteGate>(new PassThroughWriteGate())
            .AddReconciliation();
        var provider = services.BuildServiceProvider();

        var caches = provider.GetRequiredService<ClusterCaches>();
        var queue = new WorkQueue(TimeProvider.System, metrics);
        ChangeFeed.Connect(caches, provider.GetRequiredService<DependencyRouter>(), queue);
        var workers = new ReconcileWorkers(queue, provider.GetRequiredService<IReconciler>(), NullLogger.Instance, TimeSpan.FromSeconds(5));
        var published = provider.GetRequiredService<PublishedStates>();
        var audit = new FullAudit(queue, () => ChangeFeed.AuditedKeys(caches, published), caches, options.ResyncPeriod,
            TimeProvider.System, metrics, NullLogger.Instance);

        var stopping = new CancellationTokenSource();
        var running = Task.WhenAll(
            Task.Run(() => caches.RunAsync(stopping.Token)),
            Task.Run(() => workers.RunAsync(options.Workers, stopping.Token)),
            Task.Run(() => audit.RunAsync(stopping.Token)));
        return new OperatorUnderTest(provider, running, stopping);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _running;
        _stopping.Dispose();
        await _provider.DisposeAsync();
    }
}
