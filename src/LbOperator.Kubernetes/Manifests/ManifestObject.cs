using k8s;
using k8s.Models;
using LbOperator.Kubernetes.GatewayApi;
using LbOperator.Kubernetes.Mapping;
using LbOperator.Kubernetes.MetalLb;

namespace LbOperator.Kubernetes.Manifests;

/// <summary>
/// An object of a kind the analysis reads, with the place it was defined (a file, or the live cluster).
/// It is mapped for the analysis as soon as it is read, and only its identity and its mapping are kept:
/// the KubernetesClient model is dropped, so a large input costs the memory of what the analysis uses.
/// </summary>
/// <param name="Mapped">
/// The analysis record (<c>ServiceInfo</c>, <c>EndpointSliceInfo</c>, <c>NodeInfo</c>, <c>IngressInfo</c>,
/// <c>HttpRouteInfo</c>, <c>IngressClassInfo</c>, <c>ReferenceGrantInfo</c> or <c>MetalLbAdvertisementInfo</c>);
/// null for an EndpointSlice that names no Service, which feeds nothing.
/// </param>
public sealed record ManifestObject(string ApiVersion, string Kind, string? Namespace, string Name, string? Uid, object? Mapped, SourceLocation Source)
{
    /// <summary>Maps a model with the same mappers as the operator; its kind and apiVersion must be set.</summary>
    public static ManifestObject From(IKubernetesObject<V1ObjectMeta> model, SourceLocation source)
    {
        ArgumentNullException.ThrowIfNull(model);
        object? mapped = model switch
        {
            V1Service service => ServiceMapper.Map(service),
            V1EndpointSlice slice => EndpointSliceMapper.Map(slice),
            V1Node node => NodeMapper.Map(node),
            V1Ingress ingress => IngressMapper.Map(ingress),
            HttpRoute route => HttpRouteMapper.Map(route),
            GrpcRoute route => HttpRouteMapper.Map(route),
            V1IngressClass ingressClass => ClusterSettingsMapper.Map(ingressClass),
            ReferenceGrant grant => ClusterSettingsMapper.Map(grant),
            MetalLbAdvertisement advertisement => ClusterSettingsMapper.Map(advertisement),
            _ => throw new ArgumentException($"{model.Kind} is not a kind the analysis reads", nameof(model)),
        };
        var metadata = model.Metadata;
        return new ManifestObject(model.ApiVersion, model.Kind, metadata?.NamespaceProperty, metadata?.Name ?? "", metadata?.Uid, mapped, source);
    }
}
