using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using k8s.Models;
using LbOperator.ApiEmulator;
using LbOperator.ApiEmulator.Backends;
using LbOperator.Hosting;
using LbOperator.Operator.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace LbOperator.Benchmarks.Operator;

/// <summary>
/// The whole operator against the API emulator holding 10,000 Services, 10,000 EndpointSlices and
/// 50,000 endpoints on 100 nodes: the time from start to the first full audit (list, watch, every
/// Service reconciled), then the process working set and managed heap once that audit has drained.
/// Each iteration starts a fresh host, so it is a monitoring run of a few iterations.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class OperatorStartupBenchmark
{
    public const int Services = 10_000;
    public const int EndpointsPerSlice = 5;
    public const int Nodes = 100;

    private KubeApiEmulator emulator = null!;

    [GlobalSetup]
    public void Setup()
    {
        emulator = KubeApiEmulator.StartAsync(new KubeApiEmulatorOptions { HistoryLimit = 1000 }).GetAwaiter().GetResult();
        for (var n = 0; n < Nodes; n++)
        {
            emulator.Objects.Apply(new V1Node
            {
                Metadata = new V1ObjectMeta { Name = $"node-{n}", Labels = new Dictionary<string, string> { ["topology.kubernetes.io/zone"] = $"zone-{n % 3}" } },
                Status = new V1NodeStatus { Allocatable = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("8") } },
            });
        }

        for (var s = 0; s < Services; s++)
        {
            var ns = $"team-{s % 100}";
            var name = $"svc-{s}";
            emulator.Objects.Apply(new V1Service
            {
                Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
                Spec = new V1ServiceSpec
                {
                    Type = "ClusterIP",
                    Selector = new Dictionary<string, string> { ["app"] = name },
                    Ports = [new V1ServicePort { Port = 80, Protocol = "TCP" }],
                },
            });
            emulator.Objects.Apply(new V1EndpointSlice
            {
                Metadata = new V1ObjectMeta
                {
                    Name = $"{name}-abcde",
                    NamespaceProperty = ns,
                    Labels = new Dictionary<string, string> { ["kubernetes.io/service-name"] = name },
                },
                AddressType = "IPv4",
                Ports = [new Discoveryv1EndpointPort { Port = 8080, Protocol = "TCP" }],
                Endpoints = Enumerable.Range(0, EndpointsPerSlice).Select(e => new V1Endpoint
                {
                    Addresses = [$"10.{s / 250}.{s % 250}.{e + 1}"],
                    Conditions = new V1EndpointConditions { Ready = true, Serving = true, Terminating = false },
                    NodeName = $"node-{(s + e) % Nodes}",
                    Zone = $"zone-{(s + e) % Nodes % 3}",
                }).ToList(),
            });
        }
    }

    [GlobalCleanup]
    public void Cleanup() => emulator.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "start → first full audit (10k Services, 10k slices, 50k endpoints)")]
    public async Task<double> StartToFirstFullAudit()
    {
        var started = Stopwatch.GetTimestamp();
        var (app, _) = await CandidatePortHost.StartAsync(() => (PortCandidate.Next(), PortCandidate.Next()), ports => LbOperatorHost.Create(new LbOperatorHostSettings
        {
            ClientConfiguration = emulator.ClientConfiguration(),
            Overrides = new Dictionary<string, string?>
            {
                ["LbOperator:Ports:Health"] = ports.Item1.ToString(),
                ["LbOperator:Ports:Metrics"] = ports.Item2.ToString(),
                ["LbOperator:LeaderElection:Enabled"] = "false",
                ["LbOperator:Webhook:Enabled"] = "false",
                ["LbOperator:ExcludedNamespaces:0"] = "kube-system",
                ["Logging:LogLevel:Default"] = "Warning",
            },
        }));
        await using var _ = app;
        var metrics = app.Services.GetRequiredService<OperatorMetrics>();
        while (metrics.LastFullAudit.Value == 0)
        {
            await Task.Delay(10);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var reconciles = metrics.ReconcileDuration.WithLabels("Service");
        Console.WriteLine(
            $"// {reconciles.Count} Service reconciles, mean {reconciles.Sum / reconciles.Count * 1000:F3} ms each");
        Console.WriteLine(
            $"// first full audit after {elapsed.TotalSeconds:F2} s; {Services / elapsed.TotalSeconds:F0} Services audited/s from start; " +
            $"working set {process.WorkingSet64 / 1048576.0:F0} MB (emulator included), managed heap {GC.GetTotalMemory(false) / 1048576.0:F0} MB");
        await app.StopAsync();
        return elapsed.TotalSeconds;
    }
}
