using LbOperator.Core.Model;

namespace LbOperator.Webhook.Evaluation;

/// <summary>
/// An object under review, mapped to its core record. Exactly one of <see cref="Service"/>,
/// <see cref="Ingress"/> and <see cref="HttpRoute"/> is set, matching <see cref="Ref"/>'s kind
/// (<see cref="HttpRoute"/> carries a GRPCRoute too).
/// </summary>
/// <param name="Uid">metadata.uid, for the Event's involvedObject; empty on CREATE.</param>
public sealed record AdmittedObject(
    ObjectRef Ref,
    string ApiVersion,
    string? Uid,
    IReadOnlyDictionary<string, string> Annotations,
    ServiceInfo? Service = null,
    IngressInfo? Ingress = null,
    HttpRouteInfo? HttpRoute = null);
