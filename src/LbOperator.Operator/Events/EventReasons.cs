using LbOperator.Core.Analysis;

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

    /// <summary>
    /// The Event type and reason announcing a finding of the rule, from the rule catalogue: informational
    /// rules are Normal, the others Warning; an unknown rule gets a generic Warning.
    /// </summary>
    public static (string Type, string Reason) ForRule(string ruleId) => Rules.Find(ruleId) is { } rule
        ? (rule.DefaultSeverity == Severity.Info ? EventTypes.Normal : EventTypes.Warning, rule.EventReason)
        : (EventTypes.Warning, AuditFinding);
}
