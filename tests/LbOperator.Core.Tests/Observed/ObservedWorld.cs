using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Core.Observed;
using LbOperator.Core.Tests.Builders;
using static LbOperator.Core.Tests.Builders.Objects;

namespace LbOperator.Core.Tests.Observed;

/// <summary>Views whose endpoints are Pods named after them, and observed rates for those Pods.</summary>
internal static class ObservedWorld
{
    public static EndpointInfo Pod(string id, string node) => Endpoint(id, node) with { Pod = new PodRef(Namespace, id) };

    /// <summary>A ClusterIP Service <paramref name="name"/> with pods <c>name-0…</c> on the nodes given.</summary>
    public static ClusterBuilder WithPods(this ClusterBuilder builder, string name, params string[] nodes) =>
        builder.With(Service(name)).With(Slice(name, $"{name}-abc", nodes.Select((node, i) => Pod($"{name}-{i}", node)).ToArray()));

    public static ObservedRates ClusterRates(double minRate, params (string Pod, double Rate)[] rates) =>
        new(new ObservedSource(IsClusterQuery: true, ToPods(rates), minRate), new Dictionary<(string, string), ObservedSource>());

    public static Dictionary<PodRef, double> ToPods(IEnumerable<(string Pod, double Rate)> rates) =>
        rates.ToDictionary(r => new PodRef(Namespace, r.Pod), r => r.Rate);

    public static EntryPointResult Entry(IClusterView view, ObjectRef target) => Assert.Single(Analyzed.Of(view, target).EntryPoints);
}
