using k8s.Models;
using LbOperator.Core.Model;

namespace LbOperator.Kubernetes.Mapping;

/// <summary>Maps a discovery.k8s.io/v1 EndpointSlice, keeping each endpoint's conditions exactly as written.</summary>
public static class EndpointSliceMapper
{
    public const string ServiceNameLabel = "kubernetes.io/service-name";

    /// <summary>Null when the slice is not labelled with the Service it belongs to: such a slice feeds no Service.</summary>
    public static EndpointSliceInfo? Map(V1EndpointSlice slice)
    {
        ArgumentNullException.ThrowIfNull(slice);
        var serviceName = MetadataReader.LabelOf(slice.Metadata, ServiceNameLabel);
        if (string.IsNullOrEmpty(serviceName))
        {
            return null;
        }

        var sliceNamespace = MetadataReader.NamespaceOf(slice.Metadata);
        var endpoints = slice.Endpoints?.Select(endpoint => MapEndpoint(endpoint, sliceNamespace)).ToArray() ?? [];
        return new EndpointSliceInfo(sliceNamespace, slice.Metadata?.Name ?? "", serviceName, endpoints, slice.AddressType);
    }

    private static EndpointInfo MapEndpoint(V1Endpoint endpoint, string sliceNamespace)
    {
        var conditions = endpoint.Conditions;
        return new EndpointInfo(
            IdOf(endpoint),
            endpoint.NodeName,
            endpoint.Zone,
            conditions?.Ready,
            conditions?.Serving,
            conditions?.Terminating,
            endpoint.Hints?.ForZones?.Select(zone => zone.Name).ToArray() ?? [],
            endpoint.Hints?.ForNodes?.Select(node => node.Name).ToArray() ?? [],
            PodOf(endpoint, sliceNamespace),

            endpoint.Addresses?.ToArray());
    }

    /// <summary>The targetRef's namespace may be omitted; the Pod then lives with the slice.</summary>
    private static PodRef? PodOf(V1Endpoint endpoint, string sliceNamespace) =>
        endpoint.TargetRef is { Kind: "Pod", Name: { Length: > 0 } podName } target
            ? new PodRef(string.IsNullOrEmpty(target.NamespaceProperty) ? sliceNamespace : target.NamespaceProperty, podName)
            : null;

    private static string IdOf(V1Endpoint endpoint)
    {
        if (endpoint.TargetRef is { Kind: "Pod", Name: { Length: > 0 } podName })
        {
            return podName;
        }

        return endpoint.Addresses?.FirstOrDefault() ?? endpoint.TargetRef?.Name ?? "";
    }
}
