namespace LbOperator.Core.Model;

/// <summary>A discovery.k8s.io/v1 EndpointSlice; <paramref name="ServiceName"/> comes from its <c>kubernetes.io/service-name</c> label.</summary>
/// <param name="AddressType"><c>addressType</c> (IPv4, IPv6, FQDN); null when unknown, which counts as IPv4.</param>
public sealed record EndpointSliceInfo(
    string Namespace,
    string Name,
    string ServiceName,
    IReadOnlyList<EndpointInfo> Endpoints,
    string? AddressType = null);
