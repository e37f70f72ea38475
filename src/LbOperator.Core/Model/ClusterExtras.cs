namespace LbOperator.Core.Model;

/// <summary>The cluster-scoped settings an <see cref="InMemoryClusterView"/> may also hold: classes, grants, MetalLB advertisements.</summary>
public sealed record ClusterExtras(
    IReadOnlyList<IngressClassInfo> IngressClasses,
    IReadOnlyList<ReferenceGrantInfo> ReferenceGrants,
    IReadOnlyList<MetalLbAdvertisementInfo> MetalLbAdvertisements)
{
    public static ClusterExtras None { get; } = new([], [], []);
}
