using LbOperator.Core.Model;

namespace LbOperator.Kubernetes.Observed;

/// <summary>
/// An instant vector read as a rate per Pod. Series for the same Pod are added up; a series without a
/// <c>namespace</c> label belongs to <paramref name="DefaultNamespace"/> (a Service's own query).
/// </summary>
public static class PodRates
{
    public const string PodLabel = "pod";
    public const string NamespaceLabel = "namespace";

    /// <param name="defaultNamespace">Namespace for series without one; null requires the label (the cluster-wide query).</param>
    /// <returns>
    /// The rates, and whether the query is misconfigured: it returned series but none carried a
    /// <c>pod</c> label, so nothing can be joined to endpoints.
    /// </returns>
    public static (IReadOnlyDictionary<PodRef, double> Rates, bool LacksPodLabel) Read(IReadOnlyList<PrometheusSample> samples, string? defaultNamespace)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var rates = new Dictionary<PodRef, double>();
        var withPod = 0;
        foreach (var sample in samples)
        {
            if (!sample.Labels.TryGetValue(PodLabel, out var pod) || pod.Length == 0)
            {
                continue;
            }

            withPod++;
            var ns = sample.Labels.TryGetValue(NamespaceLabel, out var label) && label.Length > 0 ? label : defaultNamespace;
            if (ns is null || !double.IsFinite(sample.Value) || sample.Value < 0)
            {
                continue;
            }

            var key = new PodRef(ns, pod);
            rates[key] = rates.GetValueOrDefault(key) + sample.Value;
        }

        return (rates, samples.Count > 0 && withPod == 0);
    }
}
