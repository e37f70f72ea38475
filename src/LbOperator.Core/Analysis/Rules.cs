namespace LbOperator.Core.Analysis;

/// <summary>
/// The rule catalogue: the one owner of each rule's id, name, severity, Event reason, what it finds and
/// how to fix it. Ids never change meaning; tools (SARIF, JUnit, Events, metrics) key on them.
/// </summary>
public static class Rules
{
    public static RuleDescriptor TrafficSkew { get; } = new(
        "LB001",
        "TrafficSkew",
        Severity.Warning,
        "One endpoint gets more than its fair share of traffic: a warning above the warn skew, an error above the max skew.",
        "With externalTrafficPolicy: Local, spread pods evenly over nodes (topologySpreadConstraints) or let the load balancer "
        + "target pods directly; with topology routing, balance endpoints per zone; with weights or canary weights, size each "
        + "backend to its weight. Thresholds can be raised per object with the annotations lb-operator.io/warn-skew and lb-operator.io/max-skew.",
        "TrafficSkewed");

    public static RuleDescriptor TrafficBlackholed { get; } = new(
        "LB002",
        "TrafficBlackholed",
        Severity.Error,
        "Part of the traffic goes to a missing backend, a backend without ready endpoints, or a rule whose weights are all zero.",
        "Those requests fail. Create the backend Service, fix its selector or its pods' readiness, or remove the backend.",
        "TrafficBlackholed");

    public static RuleDescriptor InvalidWeights { get; } = new(
        "LB003",
        "InvalidWeights",
        Severity.Error,
        "Every weight of a rule is zero, a canary weight is outside [0, total], or a weight is not a number or negative.",
        "Use non-negative integer weights with at least one above zero, and a canary-weight between 0 and canary-weight-total.",
        "InvalidWeights");

    public static RuleDescriptor SingleFailureDomain { get; } = new(
        "LB004",
        "SingleFailureDomain",
        Severity.Warning,
        "A Service has two or more ready endpoints and all of them run on one node.",
        "Losing that node takes the Service down. Spread the pods with topologySpreadConstraints or pod anti-affinity on kubernetes.io/hostname.",
        "SingleFailureDomain");

    public static RuleDescriptor EndpointsNotReady { get; } = new(
        "LB005",
        "EndpointsNotReady",
        Severity.Warning,
        "More than half of a Service's endpoints are not ready.",
        "The rest carry all the traffic. Check the pods' readiness probes and events.",
        "EndpointsNotReady");

    public static RuleDescriptor ClientAffinity { get; } = new(
        "LB006",
        "ClientAffinity",
        Severity.Info,
        "Session affinity or consistent hashing: the real spread depends on the mix of clients.",
        "Informational: make sure a few heavy clients cannot overload one pod.",
        "ClientAffinity");

    public static RuleDescriptor ObservedTrafficSkew { get; } = new(
        "LB007",
        "ObservedTrafficSkew",
        Severity.Warning,
        "Observed traffic (from Prometheus) is uneven across an entry point's pods for several intervals: a warning above the warn skew, an error above the max skew.",
        "When the configuration explains it, fix it as LB001; otherwise balance per request rather than per connection (an L7 proxy "
        + "or mesh for HTTP/2 and gRPC, client-side round robin over a headless Service, or a maximum connection age on the server). "
        + "Reported by the operator only.",
        "ObservedTrafficSkewed");

    /// <summary>Every rule, ordered by id.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } =
        [TrafficSkew, TrafficBlackholed, InvalidWeights, SingleFailureDomain, EndpointsNotReady, ClientAffinity, ObservedTrafficSkew];

    /// <summary>The rule with this id, compared without regard to case; null when there is none.</summary>
    public static RuleDescriptor? Find(string id)
    {
        foreach (var rule in All)
        {
            if (string.Equals(rule.Id, id, StringComparison.OrdinalIgnoreCase))
            {
                return rule;
            }
        }

        return null;
    }

    /// <summary>The position of the rule in <see cref="All"/>, or -1.</summary>
    public static int IndexOf(string id)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i].Id, id, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
