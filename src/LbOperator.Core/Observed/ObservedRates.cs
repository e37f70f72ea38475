namespace LbOperator.Core.Observed;

/// <summary>
/// Observed traffic rates per Pod for one interval: the cluster-wide query's result, and for each
/// Service that brings its own query (annotation <c>lb-operator.io/observed-query</c>), that query's
/// result, which then answers for the Service's pods instead.
/// </summary>
public sealed class ObservedRates
{
    private readonly IReadOnlyDictionary<(string Namespace, string Service), ObservedSource> _services;

    /// <param name="cluster">The cluster-wide query's result, or <see cref="ObservedSource.Failed"/>.</param>
    /// <param name="services">Per-Service queries' results (or failures), keyed by the Service.</param>
    public ObservedRates(ObservedSource cluster, IReadOnlyDictionary<(string Namespace, string Service), ObservedSource> services)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(services);
        ClusterSource = cluster;
        _services = services;
    }

    public ObservedSource ClusterSource { get; }

    /// <summary>The Service's own query when it has one with a result, else the cluster-wide query.</summary>
    public ObservedSource SourceFor(string @namespace, string service) =>
        _services.TryGetValue((@namespace, service), out var own) ? own : ClusterSource;
}
