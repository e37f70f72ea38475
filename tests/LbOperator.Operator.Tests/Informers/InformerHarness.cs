using LbOperator.ApiEmulator;
using LbOperator.Operator.Informers;
using LbOperator.Operator.Metrics;
using LbOperator.Runtime.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Prometheus;
using k8s;
using k8s.Models;

namespace LbOperator.Operator.Tests.Informers;

/// <summary>One informer against an API server (the emulator unless a client is given), recording every change notification it raises.</summary>
internal sealed class InformerHarness<T, TList> : IAsyncDisposable
    where T : class, IKubernetesObject<V1ObjectMeta>
    where TList : IKubernetesObject<V1ListMeta>, IItems<T>
{
    private readonly CancellationTokenSource stopping = new();
    private readonly k8s.Kubernetes client;
    private Task? run;

    public InformerHarness(KubeApiEmulator emulator, Func<IKubernetes, ResourceClient<T, TList>> resource, InformerSettings settings, TimeProvider time)
        : this(emulator.CreateClient(), resource, settings, time)
    {
    }

    public InformerHarness(k8s.Kubernetes client, Func<IKubernetes, ResourceClient<T, TList>> resource, InformerSettings settings, TimeProvider time)
    {
        this.client = client;
        Metrics = new OperatorMetrics(new MetricsExposition(new CollectorRegistry(), []));
        Informer = new Informer<T, TList>(resource(client), settings, new Lock(), time, Metrics, NullLogger.Instance);
        Informer.Cache.Subscribe((old, current) =>
        {
            lock (Changes)
            {
                Changes.Add($"{Describe(old)} -> {Describe(current)}");
            }
        });
    }

    public OperatorMetrics Metrics { get; }

    public Informer<T, TList> Informer { get; }

    public List<string> Changes { get; } = [];

    public static InformerSettings Settings(TimeSpan? silence = null) => new(
        [null], _ => true, silence ?? TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5))
    {
        InitialRetryDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryDelay = TimeSpan.FromMilliseconds(100),
    };

    public void Start() => run = Informer.RunAsync(stopping.Token);

    public bool Saw(string change)
    {
        lock (Changes)
        {
            return Changes.Contains(change);
        }
    }

    public double Restarts(string reason) => Metrics.WatchRestarts.WithLabels(Informer.Resource, reason).Value;

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        if (run is not null)
        {
            await Poll.FinishesAsync(run, "the run stops");
        }

        client.Dispose();
        stopping.Dispose();
    }

    private static string Describe(T? item) => item is null ? "none" : $"{item.Metadata.Name}@{Label(item)}";

    private static string Label(T item) => item.Metadata.Labels is { } labels && labels.TryGetValue("v", out var v) ? v : "";
}
