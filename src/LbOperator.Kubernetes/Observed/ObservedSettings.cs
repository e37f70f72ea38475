namespace LbOperator.Kubernetes.Observed;

/// <summary>How observed traffic is queried.</summary>
/// <param name="ClusterQuery">The cluster-wide query template (<c>$window</c> is substituted).</param>
/// <param name="MinRate">
/// Below this total rate an entry point is idle and not judged. Null: 1 KiB/s for the cluster-wide
/// query (bytes by default) and 1/s for a Service's own query (requests, by convention).
/// </param>
public sealed record ObservedSettings(string ClusterQuery, TimeSpan Window, double? MinRate, int MaxQueriesPerInterval)
{
    public const double DefaultClusterMinRate = 1024;
    public const double DefaultServiceMinRate = 1;

    public double ClusterMinRate => MinRate ?? DefaultClusterMinRate;

    public double ServiceMinRate => MinRate ?? DefaultServiceMinRate;
}
