using BenchmarkDotNet.Attributes;
using LbOperator.Core.Analysis;
using LbOperator.Core.Model;

namespace LbOperator.Benchmarks.Core;

/// <summary>Cost against endpoint count for one Service; the goal is linear growth (each doubling about doubles the time).</summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class CoreLinearGrowthBenchmarks
{
    private readonly TrafficAnalyzer _analyzer = new(AnalysisPolicy.Default);
    private readonly ObjectRef _target = new(ObjectKind.Service, "bench", "grow");
    private InMemoryClusterView _view = null!;

    [Params(1_000, 2_000, 4_000, 8_000)]
    public int Endpoints { get; set; }

    [GlobalSetup]
    public void Setup() => _view = SyntheticCluster.OneService("grow", Endpoints, nodeCount: Math.Max(1, Endpoints / 10));

    [Benchmark]
    public AnalysisReport AnalyzeOneService() => _analyzer.Analyze(_view, _target);
}
