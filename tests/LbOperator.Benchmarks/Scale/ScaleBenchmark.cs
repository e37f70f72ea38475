using System.Globalization;
using k8s;
using LbOperator.ApiEmulator.Backends;
using LbOperator.Kubernetes.Protobuf;

namespace LbOperator.Benchmarks.Scale;

/// <summary>
/// <c>make bench-scale</c>: a real etcd and kube-apiserver from <c>KUBEBUILDER_ASSETS</c>, loaded through
/// the API with the state of <c>gen_cluster.py</c>; the built <c>lb-operator</c> runs as its own process.
/// Prints, per scenario, the bare list, start → first full audit (every metric published), the resident
/// memory, the Events a restart writes and the reconciles of a cluster that does not change.
/// </summary>
internal static class ScaleBenchmark
{
    /// <summary>The chart's ServiceMonitor interval: a steady operator is scraped, and each scrape writes every series.</summary>
    private static readonly TimeSpan ScrapeInterval = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(string[] args)
    {
        var operatorPath = Argument(args, "--operator") ?? "src/LbOperator/bin/Release/net10.0/lb-operator";
        var generator = Argument(args, "--generator") ?? "../shared/bench/gen_cluster.py";
        var steadyMinutes = double.Parse(Argument(args, "--steady-minutes") ?? "1", CultureInfo.InvariantCulture);
        var scenarios = Argument(args, "--scenarios") ?? "first,envelope";
        var keepLogs = Argument(args, "--keep-logs") == "true";
        var restarts = int.Parse(Argument(args, "--restarts") ?? "3", CultureInfo.InvariantCulture);
        var assets = EnvtestAssets.FromEnvironment();
        if (assets is null || !File.Exists(operatorPath) || !File.Exists(generator))
        {
            await Console.Error.WriteLineAsync($"bench-scale needs KUBEBUILDER_ASSETS, {operatorPath} (build src/LbOperator) and {generator}.");
            return 2;
        }

        var rows = new List<string>();
        if (scenarios.Contains("first", StringComparison.Ordinal))
        {
            await RunScenarioAsync(assets, Path.GetFullPath(operatorPath), generator, "10000 5 100 3", restarts, steadyMinutes, keepLogs, rows);
        }

        if (scenarios.Contains("envelope", StringComparison.Ordinal))
        {
            await RunScenarioAsync(assets, Path.GetFullPath(operatorPath), generator, "10000 15 5000 3", restarts: 0, steadyMinutes, keepLogs, rows);
        }

        Console.WriteLine();
        Console.WriteLine("| scenario | measure | result |");
        Console.WriteLine("|---|---|---|");
        rows.ForEach(Console.WriteLine);
        return 0;
    }

    private static async Task RunScenarioAsync(
        EnvtestAssets assets, string operatorPath, string generator, string shape, int restarts, double steadyMinutes, bool keepLogs, List<string> rows)
    {
        Log($"{shape}: generating");
        var state = await ClusterLoader.GenerateAsync(generator, shape);
        var scenario = $"{state.Services.Count:N0} Services, {state.Endpoints:N0} endpoints in {state.Slices.Count:N0} slices, {state.Nodes.Count:N0} Nodes, {state.Skewed:N0} skewed";
        await using var server = await EnvtestApiServer.StartAsync(assets, CancellationToken.None);
        using var client = new k8s.Kubernetes(server.ClientConfiguration());
        var loaded = await ClusterLoader.LoadAsync(client, state);
        Log($"{shape}: loaded in {loaded.TotalSeconds:0.0} s");
        var bare = await ClusterLoader.BareListAsync(client, state);
        var cached = await ClusterLoader.BareListAsync(client, state, resourceVersion: "0");
        using var protobufClient = new ProtobufKubernetes(server.ClientConfiguration());
        var protobuf = await ClusterLoader.BareProtobufListAsync(protobufClient, state);
        Log($"{shape}: bare list {bare.TotalSeconds:0.000} s (from the watch cache: {cached.TotalSeconds:0.000} s, in protobuf: {protobuf.TotalSeconds:0.000} s)");
        var directory = Directory.CreateTempSubdirectory("lb-operator-bench-scale-").FullName;
        var kubeconfig = Kubeconfig.Write(directory, server.ClientConfiguration());
        var logFile = Path.Combine(directory, "operator.log");

        var first = OperatorProcess.Start(operatorPath, kubeconfig, PortCandidate.Next(), PortCandidate.Next(), logFile);
        var (audit, auditSeen) = await first.FirstFullAuditAsync();
        var memory = first.ResidentMegabytes();
        Log($"{shape}: first full audit {audit.TotalSeconds:0.00} s (seen in a scrape after {auditSeen.TotalSeconds:0.00} s), {memory:0} MiB");
        rows.Add($"| {scenario} | bare list of Services, EndpointSlices and Nodes | {bare.TotalSeconds:0.000} s |");
        rows.Add($"| {scenario} | the same from the watch cache (resourceVersion=0, as informers list first) | {cached.TotalSeconds:0.000} s |");
        rows.Add($"| {scenario} | the bare list with Services and EndpointSlices in protobuf, through the operator's list clients | {protobuf.TotalSeconds:0.000} s |");
        rows.Add($"| {scenario} | start → first full audit (every metric published) | {audit.TotalSeconds:0.00} s = {audit / bare:0.0} × bare list, {audit / protobuf:0.0} × the protobuf list (seen in a scrape polled every second: {auditSeen.TotalSeconds:0.00} s) |");
        rows.Add($"| {scenario} | resident memory after the audit | {memory:0} MiB |");

        await first.SettledAsync(TimeSpan.FromSeconds(10));
        var before = await OwnEventsAsync(client);
        var reconciles = await first.MetricAsync("lb_operator_reconcile_duration_seconds_count");
        if (steadyMinutes > 0)
        {
            await first.RunScrapedAsync(TimeSpan.FromMinutes(steadyMinutes), ScrapeInterval);
            var steady = (await first.MetricAsync("lb_operator_reconcile_duration_seconds_count") - reconciles) / steadyMinutes;
            rows.Add($"| {scenario} | steady, no changes: reconciles per minute outside the resync | {steady:0} |");
            rows.Add($"| {scenario} | resident memory after {steadyMinutes:0.#} min steady, scraped every {ScrapeInterval.TotalSeconds:0} s | {first.ResidentMegabytes():0} MiB |");
        }
        rows.Add($"| {scenario} | Events written by the first start (one per skewed Service expected) | {before.Count:N0} |");
        await first.DisposeAsync();

        if (restarts > 0)
        {
            var (times, written, restartMemory) = await RestartAsync(operatorPath, kubeconfig, logFile, client, before, restarts, shape);
            var median = times.Order().ElementAt(times.Count / 2);
            rows.Add($"| {scenario} | restart → first full audit, median of {times.Count} (min–max) | {median.TotalSeconds:0.00} s = {median / bare:0.0} × bare list, {median / protobuf:0.0} × the protobuf list ({times.Min().TotalSeconds:0.00}–{times.Max().TotalSeconds:0.00} s) |");
            rows.Add($"| {scenario} | Events written by the restarts (created + count bumps) | {written} |");
            rows.Add($"| {scenario} | resident memory after the last restart's audit | {restartMemory:0} MiB |");
        }

        if (keepLogs)
        {
            Log($"{shape}: operator log kept in {logFile}");
        }
        else
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Restarts the operator <paramref name="count"/> times, one after another, each until its Event writer is quiet.</summary>
    private static async Task<(List<TimeSpan> Times, int Written, double Memory)> RestartAsync(
        string operatorPath, string kubeconfig, string logFile, IKubernetes client, Dictionary<string, int> before, int count, string shape)
    {
        var times = new List<TimeSpan>();
        var memory = 0.0;
        for (var round = 0; round < count; round++)
        {
            await using var again = OperatorProcess.Start(operatorPath, kubeconfig, PortCandidate.Next(), PortCandidate.Next(), logFile);
            var (audit, seen) = await again.FirstFullAuditAsync();
            memory = again.ResidentMegabytes();
            times.Add(audit);
            await again.SettledAsync(TimeSpan.FromSeconds(10));
            Log($"{shape}: restart → first full audit {audit.TotalSeconds:0.00} s (seen after {seen.TotalSeconds:0.00} s), {memory:0} MiB");
        }

        var after = await OwnEventsAsync(client);
        var created = after.Keys.Except(before.Keys).Count();
        var bumped = after.Count(pair => before.TryGetValue(pair.Key, out var events) && events != pair.Value);
        Log($"{shape}: the restarts created {created} Events and bumped {bumped}");
        return (times, created + bumped, memory);
    }

    /// <summary>Every Event lb-operator wrote, by name, with its count.</summary>
    private static async Task<Dictionary<string, int>> OwnEventsAsync(IKubernetes client)
    {
        var events = await client.CoreV1.ListEventForAllNamespacesAsync(fieldSelector: "reportingComponent=lb-operator");
        return events.Items.ToDictionary(item => $"{item.Metadata.NamespaceProperty}/{item.Metadata.Name}", item => item.Count ?? 1);
    }

    private static string? Argument(string[] args, string name) =>
        Array.IndexOf(args, name) is var index and >= 0 && index + 1 < args.Length ? args[index + 1] : null;

    private static void Log(string message) => Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {message}");
}
