using k8s.Models;
using LbOperator.Core.Model;
using LbOperator.Kubernetes.GatewayApi;
using LbOperator.Kubernetes.MetalLb;

namespace LbOperator.Kubernetes.Mapping;

/// <summary>Maps the objects that configure how traffic is routed rather than carry it: IngressClasses, ReferenceGrants, MetalLB advertisements.</summary>
public static class ClusterSettingsMapper
{
    public const string DefaultClassAnnotation = "ingressclass.kubernetes.io/is-default-class";

    public static IngressClassInfo Map(V1IngressClass ingressClass)
    {
        ArgumentNullException.ThrowIfNull(ingressClass);
        var isDefault = MetadataReader.AnnotationsOf(ingressClass.Metadata).TryGetValue(DefaultClassAnnotation, out var value)
            && string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        return new IngressClassInfo(ingressClass.Metadata?.Name ?? "", ingressClass.Spec?.Controller ?? "", isDefault);
    }

    public static ReferenceGrantInfo Map(ReferenceGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return new ReferenceGrantInfo(
            MetadataReader.NamespaceOf(grant.Metadata),
            grant.Metadata?.Name ?? "",
            grant.Spec?.From?.Select(f => new ReferenceGrantFrom(f.Group ?? "", f.Kind ?? "", f.Namespace ?? "")).ToArray() ?? [],
            grant.Spec?.To?.Select(t => new ReferenceGrantTo(t.Group ?? "", t.Kind ?? "", string.IsNullOrEmpty(t.Name) ? null : t.Name)).ToArray() ?? []);
    }

    public static MetalLbAdvertisementInfo Map(MetalLbAdvertisement advertisement)
    {
        ArgumentNullException.ThrowIfNull(advertisement);
        return new MetalLbAdvertisementInfo(
            MetadataReader.NamespaceOf(advertisement.Metadata),
            advertisement.Metadata?.Name ?? "",
            advertisement.Kind == MetalLbAdvertisement.BgpKind ? MetalLbMode.Bgp : MetalLbMode.Layer2,
            advertisement.Spec?.IpAddressPools?.ToArray() ?? []);
    }
}
