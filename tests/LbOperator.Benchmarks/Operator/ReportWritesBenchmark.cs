using System.Diagnostics;
using System.Globalization;
using k8s;
using k8s.Models;
using LbOperator.ApiEmulator.Backends;
using LbOperator.Kubernetes.PolicyReports;
using LbOperator.Hosting;
using LbOperator.Operator.Metrics;
using LbOperator.Operator.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace LbOperator.Benchmarks.Operator;

/// <summary>
/// <c>dotnet run -c Release --project tests/LbOperator.Benchmarks -- report-writes [envtest|emulator] [services]</c>:
/// the operator over <c>gen_cluster.py</c>'s cluster (10,000 Services in 20 namespaces by default) with
/// both report CRDs installed, counting report writes: the first full audit, a second one, a restart,
/// and a restart after one Service per namespace went away. Prints a Markdown table.
/// </summary>
public static class ReportWritesBenchmark
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(10);

    public static async Task<int> RunAsync(string[] args)
    {
        var backend = args.Length > 0 && args[0] == "emulator" ? ApiServerBackend.Emulator : ApiServerBackend.Envtest;
        var services = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        await using var server = await ApiServers.StartAsync(backend);
        await server.InstallReportApiAsync(ReportApi.PolicyReport.Group, CancellationToken.None);
        await server.InstallReportApiAsync(ReportApi.OpenReports.Group, CancellationToken.None);
        using var client = new k8s.Kubernetes(server.ClientConfiguration());
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "ops" } });
        var objects = await GeneratedCluster.GenerateAsync(services);
        var seeding = Stopwatch.StartNew();
        await GeneratedCluster.CreateAsync(client, objects);
        var namespaces = objects.OfType<V1Namespace>().Count();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{server.Name}: created {objects.Count} objects ({services} Services in {namespaces} namespaces) in {seeding.Elapsed.TotalSeconds:F1} s; {Environment.ProcessorCount} cores"));
        Console.WriteLine("| phase | last full audit finished after | reports in sync after | creates | updates | deletes |");
        Console.WriteLine("|---|---|---|---|---|---|");

        await using (var first = await RunningOperator.StartAsync(server))
        {
            await first.PhaseAsync("start → first full audit");
            var audits = first.Metrics.LastFullAudit.Value;
            await first.UntilAsync(() => first.Metrics.LastFullAudit.Value > audits, "a second full audit");
            await first.PhaseAsync("a second full audit (steady state)");
        }

        await using (var restarted = await RunningOperator.StartAsync(server))
        {
            await restarted.PhaseAsync("restart → first full audit");
        }

        foreach (var ns in objects.OfType<V1Namespace>())
        {
            var service = objects.OfType<V1Service>().First(item => item.Metadata.NamespaceProperty == ns.Metadata.Name);
            await client.CoreV1.DeleteNamespacedServiceAsync(service.Metadata.Name, ns.Metadata.Name);
        }

        await using (var changed = await RunningOperator.StartAsync(server))
        {
            await changed.PhaseAsync("restart after one Service per namespace was deleted");
        }

        return 0;
    }

    /// <summary>The operator host with the chart's defaults (Qps 20, Burst 50), a 20 s resync and no leader election.</summary>
    private sealed class RunningOperator(Microsoft.AspNetCore.Builder.WebApplication app) : IAsyncDisposable
    {
        private readonly Stopwatch _started = Stopwatch.StartNew();
        private double _startedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        private double[][] _before = [[0, 0, 0], [0, 0, 0]];

        public OperatorMetrics Metrics => app.Services.GetRequiredService<OperatorMetrics>();

        private ReportMetrics Reports => app.Services.GetRequiredService<ReportMetrics>();

        public static async Task<RunningOperator> StartAsync(IApiServer server)
        {
            var (app, _) = await CandidatePortHost.StartAsync(() => (PortCandidate.Next(), PortCandidate.Next()), ports => LbOperatorHost.Create(new LbOperatorHostSettings
            {
                ClientConfiguration = server.ClientConfiguration(),
                Overrides = new Dictionary<string, string?>
                {
                    ["LbOperator:Ports:Health"] = ports.Item1.ToString(CultureInfo.InvariantCulture),
                    ["LbOperator:Ports:Metrics"] = ports.Item2.ToString(CultureInfo.InvariantCulture),
                    ["LbOperator:LeaderElection:Enabled"] = "false",
                    ["LbOperator:Webhook:Enabled"] = "false",
                    ["LbOperator:ResyncPeriod"] = "00:00:20",
                    ["Logging:LogLevel:Default"] = "Warning",
                },
            }));
            return new RunningOperator(app);
        }

        public async Task PhaseAsync(string phase)
        {
            var since = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
            await UntilAsync(() => Reports.LastInSync.Value >= since, $"reports in sync after {phase}");
            var writes = ReportApi.All.Select(api => new[] { "create", "update", "delete" }
                .Select(operation => Reports.ReportWrites.WithLabels(api.Resource, operation).Value).ToArray()).ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {phase} | {Metrics.LastFullAudit.Value - _startedAt:F1} s | {_started.Elapsed.TotalSeconds:F1} s | {Delta(writes, 0)} | {Delta(writes, 1)} | {Delta(writes, 2)} |"));
            _before = writes;
            _started.Restart();
            _startedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        }

        public async Task UntilAsync(Func<bool> condition, string what)
        {
            var giveUp = Stopwatch.StartNew();
            while (!condition())
            {
                if (giveUp.Elapsed > Deadline)
                {
                    throw new TimeoutException($"Gave up waiting for {what}.");
                }

                await Task.Delay(50);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        /// <summary>Per API (policyreports + reports), the writes of one operation since the last phase.</summary>
        private string Delta(double[][] writes, int operation) =>
            string.Join(" + ", writes.Select((perApi, api) => (perApi[operation] - _before[api][operation]).ToString(CultureInfo.InvariantCulture)));
    }
}
