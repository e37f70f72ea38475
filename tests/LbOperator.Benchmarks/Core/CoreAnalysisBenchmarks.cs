using BenchmarkDotNet.Attributes;
using LbOperator.Core.Analysis;
using LbOperator.Core.Model;

namespace LbOperator.Benchmarks.Core;

/// <summary>The speed goals: one 5,000-endpoint Service under 1 ms; 10,000 Services of 10 endpoints under 100 ms.</summary>
/// <remarks>Min and median are shown because the shared build machine is often busy; the minimum is the least disturbed run.</remarks>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class CoreAnalysisBenchmarks
{
    private readonly TrafficAnalyzer _analyzer = new(AnalysisPolicy.Default);
    private readonly ObjectRef _big = new(ObjectKind.Service, "bench", "big");
    private InMemoryClusterView _oneBigService = null!;
    private InMemoryClusterView _manyServices = null!;

    [GlobalSetup]
    public void Setup()
    {
        _oneBigService = SyntheticCluster.OneService("big", endpoints: 5_000, nodeCount: 500);
        _manyServices = SyntheticCluster.ManyServices(services: 10_000, endpointsEach: 10, nodeCount: 500);
    }

    [Benchmark(Description = "1 Service, 5,000 endpoints, 500 nodes (goal < 1 ms)")]
    public AnalysisReport OneServiceWith5000Endpoints() => _analyzer.Analyze(_oneBigService, _big);

    [Benchmark(Description = "10,000 Services x 10 endpoints (goal < 100 ms)")]
    public AnalysisReport TenThousandServices() => _analyzer.AnalyzeAll(_manyServices);
}
