using BenchmarkDotNet.Attributes;
using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Core.Observed;

namespace LbOperator.Benchmarks.Observed;

/// <summary>
/// One observed-traffic interval's core work on a large cluster: analyse every entry point and compare
/// each with observed rates (10,000 Services of 10 pods, one rate per pod).
/// </summary>
/// <remarks>Min and median are shown because the shared build machine is often busy.</remarks>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class ObservedComparisonBenchmarks
{
    private const int Services = 10_000;
    private const int PodsEach = 10;

    private readonly TrafficAnalyzer _analyzer = new(AnalysisPolicy.Default);
    private InMemoryClusterView _view = null!;
    private ObservedRates _rates = null!;
    private AnalysisReport _report = null!;

    [GlobalSetup]
    public void Setup()
    {
        var noAnnotations = new Dictionary<string, string>();
        var nodes = Enumerable.Range(0, 500).Select(i => new NodeInfo($"node-{i}", $"zone-{i % 3}", 4)).ToArray();
        var services = new List<ServiceInfo>(Services);
        var slices = new List<EndpointSliceInfo>(Services);
        var rates = new Dictionary<PodRef, double>(Services * PodsEach);
        for (var s = 0; s < Services; s++)
        {
            var name = $"svc-{s}";
            services.Add(new ServiceInfo("bench", name, ServiceType.ClusterIP, TrafficPolicy.Cluster, TrafficPolicy.Cluster, null, SessionAffinity.None, noAnnotations));
            var endpoints = new EndpointInfo[PodsEach];
            for (var i = 0; i < PodsEach; i++)
            {
                var pod = new PodRef("bench", $"{name}-{i}");
                endpoints[i] = new EndpointInfo(pod.Name, nodes[(s + i) % nodes.Length].Name, null, true, true, false, [], [], pod);
                rates[pod] = 1000 + (i == 0 ? 4000 : 0);
            }

            slices.Add(new EndpointSliceInfo("bench", $"{name}-abc", name, endpoints));
        }

        _view = new InMemoryClusterView(services, slices, nodes, [], []);
        _rates = new ObservedRates(new ObservedSource(IsClusterQuery: true, rates, 1024), new Dictionary<(string, string), ObservedSource>());
        _report = _analyzer.AnalyzeAll(_view);
    }

    [Benchmark(Description = "compare 10,000 analysed Services with observed rates")]
    public int Compare()
    {
        var judged = 0;
        foreach (var entryPoint in _report.EntryPoints)
        {
            if (ObservedComparer.Compare(entryPoint, _rates).Status == ObservedStatus.Judged)
            {
                judged++;
            }
        }

        return judged;
    }

    [Benchmark(Description = "analyse and compare 10,000 Services (one interval's core work)")]
    public int AnalyseAndCompare()
    {
        var judged = 0;
        foreach (var entryPoint in _analyzer.AnalyzeAll(_view).EntryPoints)
        {
            var thresholds = ObservedJudge.ThresholdsFor(_view, entryPoint.EntryPoint.Owner, AnalysisPolicy.Default);
            if (ObservedTracker.InputFor(ObservedComparer.Compare(entryPoint, _rates), thresholds).Kind == ObservedInputKind.Skewed)
            {
                judged++;
            }
        }

        return judged;
    }
}
