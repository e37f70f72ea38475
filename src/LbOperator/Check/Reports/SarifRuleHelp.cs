namespace LbOperator.Check.Reports;

/// <summary>How to fix each rule, shown by code-scanning UIs next to a result.</summary>
internal static class SarifRuleHelp
{
    public static string For(string ruleId) => ruleId switch
    {
        "LB001" =>
            "One endpoint receives more than its fair share of the entry point's traffic. With externalTrafficPolicy: Local, "
            + "spread pods evenly over nodes (topologySpreadConstraints) or let the load balancer target pods directly; with "
            + "topology routing, balance endpoints per zone; with weights or canary weights, size each backend to its weight. "
            + "Thresholds can be raised per object with the annotations lb-operator.io/warn-skew and lb-operator.io/max-skew.",
        "LB002" =>
            "Part of the traffic is sent to a backend Service that does not exist, has no ready endpoint, or sits in a rule "
            + "whose weights are all zero; those requests fail. Create the Service, fix its selector or readiness, or remove the backend.",
        "LB003" =>
            "A weight is invalid: every weight of a rule is zero, a canary weight is outside [0, canary-weight-total], or a weight "
            + "is negative or not a number. Use non-negative integer weights with at least one above zero.",
        "LB004" =>
            "All ready endpoints of the Service run on one node, so losing that node takes the Service down. Spread the pods with "
            + "topologySpreadConstraints or pod anti-affinity on kubernetes.io/hostname.",
        "LB005" =>
            "More than half of the Service's endpoints are not ready, so the rest carry all the traffic. Check the pods' readiness probes and events.",
        "LB006" =>
            "Session affinity or consistent hashing pins clients to endpoints, so the real spread depends on the mix of clients. "
            + "This is informational; make sure a few heavy clients cannot overload one pod.",
        "LB007" =>
            "Prometheus shows one pod receiving more than its fair share for several intervals. When the configuration explains it, "
            + "fix it as LB001; otherwise balance per request rather than per connection (an L7 proxy or mesh for HTTP/2 and gRPC, "
            + "client-side round robin over a headless Service, or a maximum connection age on the server). Reported by the operator only.",
        _ => "See the lb-operator README for this rule.",
    };
}
