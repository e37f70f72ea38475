using k8s.Models;
using LbOperator.Core.Analysis;
using LbOperator.Core.Model;

namespace LbOperator.Runtime.Events;

/// <summary>The audited object an Event is about; becomes the Event's <c>involvedObject</c>.</summary>
public sealed record EventTarget(ObjectRef Object, string ApiVersion, string? Uid, string? ResourceVersion)
{
    /// <summary>Builds the reference from the object as the cache holds it.</summary>
    public static EventTarget From(ObjectRef @object, string? apiVersion, V1ObjectMeta? metadata) =>
        new(@object, apiVersion ?? DefaultApiVersion(@object.Kind), metadata?.Uid, metadata?.ResourceVersion);

    public V1ObjectReference ToReference() => new()
    {
        ApiVersion = ApiVersion,
        Kind = Object.KindName,
        NamespaceProperty = Object.Namespace,
        Name = Object.Name,
        Uid = Uid,
        ResourceVersion = ResourceVersion,
    };

    private static string DefaultApiVersion(ObjectKind kind) => kind switch
    {
        ObjectKind.Service => "v1",
        ObjectKind.Ingress => "networking.k8s.io/v1",
        ObjectKind.HttpRoute or ObjectKind.GrpcRoute => "gateway.networking.k8s.io/v1",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an audited kind."),
    };
}

/// <summary>Who writes the Events: the component <c>lb-operator</c> and this replica (its pod name).</summary>
public sealed record EventSource(string Component, string Instance)
{
    public const string OperatorComponent = "lb-operator";

    /// <summary>The pod name from <c>POD_NAME</c> (set by the chart through the downward API), else the host name.</summary>
    public static EventSource FromEnvironment() =>
        new(OperatorComponent, Environment.GetEnvironmentVariable("POD_NAME") is { Length: > 0 } pod ? pod : Environment.MachineName);
}

/// <summary>The two core/v1 Event types.</summary>
public static class EventTypes
{
    public const string Normal = "Normal";

    public const string Warning = "Warning";
}

/// <summary>The Event reasons the operator writes, one per rule plus the state transitions and the admission verdicts.</summary>
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
    public const string AdmissionDenied = "AdmissionDenied";
    public const string AdmissionWarned = "AdmissionWarned";
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

    /// <summary>
    /// A Warning written by the audit that stays true until a <see cref="TrafficBalanced"/> says otherwise.
    /// Admission verdicts and observed traffic keep their own lifecycle.
    /// </summary>
    public static bool IsOpenFinding(string type, string reason) =>
        type == EventTypes.Warning && reason is not (AdmissionDenied or AdmissionWarned or ObservedTrafficSkewed or ObservedQueryInvalid);
}

/// <summary>Keeps Event messages within the size the API server and <c>kubectl describe</c> handle well.</summary>
public static class EventMessage
{
    public const int MaxLength = 1024;

    private const string Ellipsis = "…";

    /// <summary>Cuts <paramref name="message"/> to <paramref name="maxLength"/> characters, marking the cut with an ellipsis.</summary>
    public static string Truncate(string message, int maxLength = MaxLength)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Length <= maxLength)
        {
            return message;
        }

        if (maxLength <= Ellipsis.Length)
        {
            return message[..Math.Max(0, maxLength)];
        }

        return string.Concat(message.AsSpan(0, maxLength - Ellipsis.Length), Ellipsis);
    }
}
