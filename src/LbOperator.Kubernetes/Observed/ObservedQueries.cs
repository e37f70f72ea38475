namespace LbOperator.Kubernetes.Observed;

/// <summary>The observed-traffic queries: the cluster-wide default and a Service's own, with their placeholders.</summary>
public static class ObservedQueries
{
    /// <summary>Service annotation: PromQL returning one series per Pod (a <c>pod</c> label) for this Service.</summary>
    public const string Annotation = "lb-operator.io/observed-query";

    /// <summary>Bytes received per Pod from kubelet/cAdvisor, present wherever kube-prometheus runs.</summary>
    public const string DefaultClusterQuery = "sum by (namespace, pod) (rate(container_network_receive_bytes_total{pod!=\"\"}[$window]))";

    /// <summary>Replaces <c>$namespace</c>, <c>$service</c> and <c>$window</c>.</summary>
    public static string Expand(string template, string @namespace, string service, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(template);
        return template
            .Replace("$namespace", @namespace, StringComparison.Ordinal)
            .Replace("$service", service, StringComparison.Ordinal)
            .Replace("$window", GoDuration.Format(window), StringComparison.Ordinal);
    }

    public static string ExpandCluster(string template, TimeSpan window) => Expand(template, "", "", window);
}
