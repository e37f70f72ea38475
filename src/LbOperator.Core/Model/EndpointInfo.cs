namespace LbOperator.Core.Model;

/// <summary>One endpoint of an EndpointSlice, with its conditions exactly as written (null = absent).</summary>
/// <param name="Id">The target pod's name when known, else the first address.</param>
/// <param name="HintZones"><c>hints.forZones[*].name</c>; empty when the endpoint carries no zone hints.</param>
/// <param name="HintNodes"><c>hints.forNodes[*].name</c>; empty when the endpoint carries no node hints.</param>
/// <param name="Pod">The Pod named by <c>targetRef</c>; null when the endpoint does not point at a Pod.</param>
/// <param name="Addresses"><c>addresses</c>; kube-proxy keys an endpoint by its address, so two entries with one address are one endpoint. Null when unknown: the id stands in.</param>
public sealed record EndpointInfo(
    string Id,
    string? NodeName,
    string? Zone,
    bool? Ready,
    bool? Serving,
    bool? Terminating,
    IReadOnlyList<string> HintZones,
    IReadOnlyList<string> HintNodes,
    PodRef? Pod = null,
    IReadOnlyList<string>? Addresses = null)
{
    /// <summary>What makes two entries the same endpoint: the first address, else the id.</summary>
    public string Key => Addresses is { Count: > 0 } addresses ? addresses[0] : Id;
}
