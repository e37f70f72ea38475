using k8s.Models;
using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Kubernetes.GatewayApi;
using LbOperator.Kubernetes.Mapping;
using LbOperator.Operator.Reconciliation;
using LbOperator.Operator.Routing;
using LbOperator.Operator.Tests.Reconciliation;

namespace LbOperator.Operator.Tests.Scenarios;

/// <summary>
/// Dependency routing plus level-based reconcile must converge on what a from-scratch analysis says,
/// whatever the order of changes and reconciles: a key the router forgets shows up as a difference.
/// </summary>
public sealed class RandomizedReconcileTests
{
    private const int Steps = 300;

    private readonly ReconcilerHarness _harness = new();
    private readonly DependencyRouter _router;
    private readonly HashSet<ObjectRef> _dirty = [];

    public RandomizedReconcileTests() => _router = new DependencyRouter(_harness.Index, _harness.View);

    [Theory]
    [InlineData(1)]
    [InlineData(42)]
    [InlineData(2026)]
    public async Task After_random_changes_the_published_state_equals_a_fresh_analysis(int seed)
    {
        var world = new RandomWorld(seed);
        var schedule = new Random(seed);
        foreach (var change in world.Initial())
        {
            Apply(change);
        }

        for (var step = 0; step < Steps; step++)
        {
            Apply(world.Next());
            if (schedule.Next(4) == 0)
            {
                await ReconcileDirty(schedule);
                AssertPublishedEqualsFreshAnalysis(step);
            }
        }

        await ReconcileDirty(schedule);
        AssertPublishedEqualsFreshAnalysis(Steps);
    }

    /// <summary>Checked at every quiescent point, not only at the end, so a stale key cannot hide behind a later change.</summary>
    private void AssertPublishedEqualsFreshAnalysis(int step)
    {
        var expected = PublishedAudit.FromAnalysis(new TrafficAnalyzer(AnalysisPolicy.Default).AnalyzeAll(FreshView()));
        Assert.NotEmpty(expected);
        Assert.True(expected.SequenceEqual(PublishedAudit.FromStates(_harness.States)), $"Published state differs from a fresh analysis after step {step}:\n{Difference(expected, PublishedAudit.FromStates(_harness.States))}");
        Assert.Equal(PublishedAudit.EntryPointLines(expected), PublishedAudit.FromGauges(_harness.Exposition));
    }

    private static string Difference(IReadOnlyList<string> expected, IReadOnlyList<string> actual) =>
        string.Join("\n", expected.Except(actual).Select(line => "missing: " + line).Concat(actual.Except(expected).Select(line => "stale:   " + line)));

    private async Task ReconcileDirty(Random schedule)
    {
        foreach (var key in _dirty.OrderBy(_ => schedule.Next()).ToArray())
        {
            Assert.Equal(ReconcileResult.Done, await _harness.Reconciler.ReconcileAsync(key, CancellationToken.None));
        }

        _dirty.Clear();
    }

    private void Apply(WorldChange change)
    {
        var keys = change.Applied switch
        {
            V1Service service => _router.ServiceChanged(_harness.Services.Put(service), service),
            V1EndpointSlice slice => _router.EndpointSliceChanged(_harness.Slices.Put(slice), slice),
            V1Node node => _router.NodeChanged(_harness.Nodes.Put(node), node),
            V1Ingress ingress => _router.IngressChanged(_harness.Ingresses.Put(ingress), ingress),
            HttpRoute route => _router.HttpRouteChanged(_harness.Routes.Put(route), route),
            null when change.Kind == typeof(V1Service) => _router.ServiceChanged(_harness.Services.Remove(change.Namespace, change.Name), null),
            null when change.Kind == typeof(V1EndpointSlice) => _router.EndpointSliceChanged(_harness.Slices.Remove(change.Namespace, change.Name), null),
            null when change.Kind == typeof(V1Node) => _router.NodeChanged(_harness.Nodes.Remove(change.Namespace, change.Name), null),
            null when change.Kind == typeof(V1Ingress) => _router.IngressChanged(_harness.Ingresses.Remove(change.Namespace, change.Name), null),
            null when change.Kind == typeof(HttpRoute) => _router.HttpRouteChanged(_harness.Routes.Remove(change.Namespace, change.Name), null),
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, "Unknown kind."),
        };
        _dirty.UnionWith(keys);
    }

    private InMemoryClusterView FreshView() => new(
        _harness.Services.List().Select(ServiceMapper.Map),
        _harness.Slices.List().Select(EndpointSliceMapper.Map).OfType<EndpointSliceInfo>(),
        _harness.Nodes.List().Select(NodeMapper.Map),
        _harness.Ingresses.List().Select(IngressMapper.Map),
        _harness.Routes.List().Select(HttpRouteMapper.Map));
}
