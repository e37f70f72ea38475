namespace LbOperator.Core.Model;

/// <summary>A discovery.k8s.io/v1 EndpointSlice; <paramref name="ServiceName"/> comes from its <c>kubernetes.io/service-name</c> label.</summary>
public sealed record EndpointSliceInfo(
    string Namespace,
    string Name,
    string ServiceName,
    IReadOnlyList<EndpointInfo> Endpoints);
