using LbOperator.Core.Model;

namespace LbOperator.Core.Observed;

/// <summary>
/// Observed traffic rates per Pod for one interval: the cluster-wide query's result, and for each
/// Service that brings its own query (annotation <c>lb-operator.io/observed-query</c>), that query's
/// result, which then answers for the Service's pods instead.
/// </summary>
public sealed class ObservedRates
{
    private readonly IReadOnlyDictionary<PodRef, double> _cluster;
    private readonly IReadOnlyDictionary<(string Namespace, string Service), ObservedSource> _services;

    /// <param name="cluster">Rates from the cluster-wide query; empty when it is not run or failed.</param>
    /// <param name="services">Rates from per-Service queries, keyed by the Service.</param>
    /// <param name="clusterMinRate">Below this total an entry point measured by the cluster query is idle.</param>
    public ObservedRates(
        IReadOnlyDictionary<PodRef, double> cluster,
        IReadOnlyDictionary<(string Namespace, string Service), ObservedSource> services,
        double clusterMinRate)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(services);
        _cluster = cluster;
        _services = services;
        ClusterSource = new ObservedSource(IsClusterQuery: true, cluster, clusterMinRate);
    }

    public static ObservedRates None { get; } = new(new Dictionary<PodRef, double>(), new Dictionary<(string, string), ObservedSource>(), 0);

    public ObservedSource ClusterSource { get; }

    /// <summary>The Service's own query when it has one with a result, else the cluster-wide query.</summary>
    public ObservedSource SourceFor(string @namespace, string service) =>
        _services.TryGetValue((@namespace, service), out var own) ? own : ClusterSource;

    public bool HasAnyData => _cluster.Count > 0 || _services.Count > 0;
}
