namespace LbOperator.Core.Analysis;

/// <summary>The rule catalogue. Ids never change meaning; tools (SARIF, Events, metrics) key on them.</summary>
public static class Rules
{
    public static RuleDescriptor TrafficSkew { get; } = new(
        "LB001",
        "TrafficSkew",
        Severity.Warning,
        "One endpoint gets more than its fair share of traffic: a warning above the warn skew, an error above the max skew.");

    public static RuleDescriptor TrafficBlackholed { get; } = new(
        "LB002",
        "TrafficBlackholed",
        Severity.Error,
        "Part of the traffic goes to a missing backend, a backend without ready endpoints, or a rule whose weights are all zero.");

    public static RuleDescriptor InvalidWeights { get; } = new(
        "LB003",
        "InvalidWeights",
        Severity.Error,
        "Every weight of a rule is zero, a canary weight is outside [0, total], or a weight is not a number or negative.");

    public static RuleDescriptor SingleFailureDomain { get; } = new(
        "LB004",
        "SingleFailureDomain",
        Severity.Warning,
        "A Service has two or more ready endpoints and all of them run on one node.");

    public static RuleDescriptor EndpointsNotReady { get; } = new(
        "LB005",
        "EndpointsNotReady",
        Severity.Warning,
        "More than half of a Service's endpoints are not ready.");

    public static RuleDescriptor ClientAffinity { get; } = new(
        "LB006",
        "ClientAffinity",
        Severity.Info,
        "Session affinity or consistent hashing: the real spread depends on the mix of clients.");

    public static RuleDescriptor ObservedTrafficSkew { get; } = new(
        "LB007",
        "ObservedTrafficSkew",
        Severity.Warning,
        "Observed traffic (from Prometheus) is uneven across an entry point's pods for several intervals: a warning above the warn skew, an error above the max skew.");

    /// <summary>Every rule, ordered by id.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } =
        [TrafficSkew, TrafficBlackholed, InvalidWeights, SingleFailureDomain, EndpointsNotReady, ClientAffinity, ObservedTrafficSkew];

    public static RuleDescriptor? Find(string id)
    {
        foreach (var rule in All)
        {
            if (string.Equals(rule.Id, id, StringComparison.Ordinal))
            {
                return rule;
            }
        }

        return null;
    }
}
