namespace LbOperator.Core.Analysis.Services;

/// <summary>
/// Annotations showing that the cloud load balancer sends to pod IPs itself, so
/// <c>externalTrafficPolicy: Local</c> no longer splits traffic per node. Kept deliberately small:
/// only annotations whose meaning is unambiguous.
/// </summary>
internal static class DirectPodTargets
{
    private static readonly (string Key, string Value)[] Known =
    [
        ("service.beta.kubernetes.io/aws-load-balancer-nlb-target-type", "ip"),
        ("service.beta.kubernetes.io/aws-load-balancer-type", "nlb-ip"),
    ];

    /// <returns>The matching <c>key: value</c>, or null when the load balancer targets nodes.</returns>
    public static string? Match(IReadOnlyDictionary<string, string> annotations)
    {
        foreach (var (key, value) in Known)
        {
            if (annotations.TryGetValue(key, out var actual)
                && string.Equals(actual.Trim(), value, StringComparison.OrdinalIgnoreCase))
            {
                return $"{key}: {value}";
            }
        }

        return null;
    }
}
