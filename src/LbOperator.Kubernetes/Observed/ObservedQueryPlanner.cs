namespace LbOperator.Kubernetes.Observed;

/// <summary>
/// Picks which Services' own queries run this interval: at most <c>max</c>, taking turns in a stable
/// order so every Service is queried within ⌈n / max⌉ intervals however many there are.
/// </summary>
public static class ObservedQueryPlanner
{
    /// <param name="candidates">Services carrying the annotation, as <c>namespace/name</c>, in any order.</param>
    /// <param name="after">The last Service queried in the previous interval; null to start from the first.</param>
    public static IReadOnlyList<string> NextBatch(IEnumerable<string> candidates, string? after, int max)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var ordered = candidates.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (ordered.Count <= max)
        {
            return ordered;
        }

        var start = after is null ? 0 : ordered.FindIndex(key => string.CompareOrdinal(key, after) > 0);
        if (start < 0)
        {
            start = 0;
        }

        var batch = new List<string>(max);
        for (var i = 0; i < max; i++)
        {
            batch.Add(ordered[(start + i) % ordered.Count]);
        }

        return batch;
    }
}
