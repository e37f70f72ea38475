using System.Globalization;
using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Core.Tests.Builders;
using static LbOperator.Core.Tests.Builders.Objects;

namespace LbOperator.Core.Tests.Analysis.LoadBalancers;

/// <summary>
/// One LoadBalancer Service <c>web</c> in a table row: pods written as <c>a1:3,b1:1</c> (node <c>a1</c> is in
/// zone <c>eu-west-1a</c>), annotations as <c>key=value;key=value</c>.
/// </summary>
internal static class LoadBalancerCase
{
    public static ClusterBuilder Cluster(string pods, TrafficPolicy external, string annotations = "", string? lbClass = null, string? providerId = null)
    {
        var placement = pods.Split(',').Select(p => p.Split(':')).Select(p => (Node: p[0], Pods: int.Parse(p[1], CultureInfo.InvariantCulture))).ToArray();
        var service = Service("web", ServiceType.LoadBalancer) with
        {
            ExternalTrafficPolicy = external,
            Annotations = Parse(annotations),
            LoadBalancerClass = lbClass,
        };
        return new ClusterBuilder()
            .With(service)
            .Pods("web", placement)
            .ZonedNodes(providerId, placement.Select(p => p.Node).ToArray());
    }

    public static AnalysisReport Analyze(ClusterBuilder cluster, LoadBalancerImplementation? policy = null) =>
        Analyzed.Of(cluster.Build(), ServiceRef("web"), AnalysisPolicy.Default with { LoadBalancer = policy });

    public static IReadOnlyDictionary<string, string> Parse(string annotations) =>
        annotations.Length == 0
            ? NoAnnotations
            : annotations.Split(';').Select(a => a.Split('=', 2)).ToDictionary(a => a[0], a => a[1]);
}
