namespace LbOperator.Operator.Events;

/// <summary>The Event reasons the operator writes, one per rule plus the two state transitions.</summary>
public static class EventReasons
{
    public const string TrafficSkewed = "TrafficSkewed";
    public const string TrafficBlackholed = "TrafficBlackholed";
    public const string InvalidWeights = "InvalidWeights";
    public const string SingleFailureDomain = "SingleFailureDomain";
    public const string EndpointsNotReady = "EndpointsNotReady";
    public const string ClientAffinity = "ClientAffinity";
    public const string TrafficBalanced = "TrafficBalanced";
    public const string LoadBalancerConfigChanged = "LoadBalancerConfigChanged";
    public const string AuditFinding = "AuditFinding";
    public const string ObservedTrafficSkewed = "ObservedTrafficSkewed";
    public const string ObservedTrafficBalanced = "ObservedTrafficBalanced";
    public const string ObservedQueryInvalid = "ObservedQueryInvalid";

    /// <summary>The Event type and reason announcing a finding of the rule; an unknown rule gets a generic Warning.</summary>
    public static (string Type, string Reason) ForRule(string ruleId) => ruleId switch
    {
        "LB001" => (EventTypes.Warning, TrafficSkewed),
        "LB002" => (EventTypes.Warning, TrafficBlackholed),
        "LB003" => (EventTypes.Warning, InvalidWeights),
        "LB004" => (EventTypes.Warning, SingleFailureDomain),
        "LB005" => (EventTypes.Warning, EndpointsNotReady),
        "LB006" => (EventTypes.Normal, ClientAffinity),
        "LB007" => (EventTypes.Warning, ObservedTrafficSkewed),
        _ => (EventTypes.Warning, AuditFinding),
    };
}
