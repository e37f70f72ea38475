using System.Globalization;
using System.Net.Security;

namespace LbOperator.Benchmarks.Webhook;

/// <summary>
/// <c>dotnet run -c Release --project tests/LbOperator.Benchmarks -- webhook-load [seconds] [rate]</c>:
/// open-loop load over loopback HTTPS against <c>/validate/enforce</c> (the 100-endpoint Service review,
/// denied) and against an allow-all handler on the same server, alternating, and prints a Markdown table.
/// BenchmarkDotNet measures closed loops only, hence this custom harness.
/// </summary>
public static class WebhookLoadBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        var rate = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500;
        await using var server = await BenchmarkWebhookServer.StartAsync(HundredEndpointScenario.Cluster(), mode: "enforce");
        using var client = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        });
        var load = new OpenLoopLoad(client, HundredEndpointScenario.Review);
        var validate = new Uri(server.BaseAddress, "/validate/enforce");
        var allowAll = new Uri(server.BaseAddress, "/allow-all");

        await load.RunAsync("warm-up", validate, rate, TimeSpan.FromSeconds(3));
        await load.RunAsync("warm-up", allowAll, rate, TimeSpan.FromSeconds(3));

        var rounds = new List<LatencySummary>();
        for (var round = 0; round < 2; round++)
        {
            rounds.Add(await load.RunAsync("allow-all", allowAll, rate, TimeSpan.FromSeconds(seconds / 2.0)));
            rounds.Add(await load.RunAsync("/validate (100 endpoints, deny)", validate, rate, TimeSpan.FromSeconds(seconds / 2.0)));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Open loop at {rate} requests/s for {seconds} s per target (two alternating halves), {Environment.ProcessorCount} cores, {Environment.Version}"));
        Console.WriteLine("| target | sent | failed | p50 ms | p99 ms | max ms | throughput /s |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var target in rounds.GroupBy(r => r.Target))
        {
            var halves = target.ToList();
            Console.WriteLine(Merge(target.Key, halves));
        }

        return 0;
    }

    private static LatencySummary Merge(string target, IReadOnlyList<LatencySummary> halves) => new(
        target,
        halves.Sum(h => h.Sent),
        halves.Sum(h => h.Failed),
        halves.Average(h => h.P50Ms),
        halves.Max(h => h.P99Ms),
        halves.Max(h => h.MaxMs),
        halves.Average(h => h.ThroughputPerSecond));
}
