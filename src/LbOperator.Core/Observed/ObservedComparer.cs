using LbOperator.Core.Analysis;

namespace LbOperator.Core.Observed;

/// <summary>
/// Joins an entry point's expected shares with observed rates by Pod. An Ingress or HTTPRoute entry
/// point is observed through its backend Services' pods; their expected shares already carry the
/// weights, so the observed shares are compared with them directly.
/// </summary>
public static class ObservedComparer
{
    private const int SkewDigits = 9;

    public static ObservedComparison Compare(EntryPointResult expected, ObservedRates rates)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(rates);
        if (expected.Endpoints.Count == 0)
        {
            return ObservedComparison.NotComparable;
        }

        ObservedSource? source = null;
        var observed = new ObservedEndpoint[expected.Endpoints.Count];
        var total = 0.0;
        for (var i = 0; i < observed.Length; i++)
        {
            var endpoint = expected.Endpoints[i];
            var backendSource = rates.SourceFor(endpoint.Namespace, endpoint.Service);
            if (endpoint.Pod is null || (source is not null && source.IsClusterQuery != backendSource.IsClusterQuery))
            {
                return ObservedComparison.NotComparable;
            }

            if (!backendSource.Available)
            {
                return ObservedComparison.Unavailable;
            }

            source ??= backendSource;
            // A pod without a series has received nothing in the window: request counters with labels
            // appear only on the first request.
            var rate = backendSource.Rates.TryGetValue(endpoint.Pod, out var value) && double.IsFinite(value) && value > 0 ? value : 0;
            observed[i] = new ObservedEndpoint(endpoint, rate, 0);
            total += rate;
        }

        if (total <= 0 || total < source!.MinRate)
        {
            return ObservedComparison.Idle;
        }

        for (var i = 0; i < observed.Length; i++)
        {
            observed[i] = observed[i] with { Share = observed[i].Rate / total };
        }

        Array.Sort(observed, ByShareThenName);
        var largestGap = observed[0];
        foreach (var endpoint in observed)
        {
            if (Math.Abs(endpoint.Gap) > Math.Abs(largestGap.Gap))
            {
                largestGap = endpoint;
            }
        }

        var skew = Math.Round(observed[0].Share * expected.PoolSize, SkewDigits);
        return new ObservedComparison(ObservedStatus.Judged, new ObservedSpread(expected, observed, total, skew, largestGap, source.IsClusterQuery));
    }

    private static int ByShareThenName(ObservedEndpoint a, ObservedEndpoint b)
    {
        var byShare = b.Share.CompareTo(a.Share);
        return byShare != 0 ? byShare : string.CompareOrdinal(a.Expected.Endpoint, b.Expected.Endpoint);
    }
}
