namespace LbOperator.Core.Model;

/// <summary>
/// A metallb.io/v1beta1 L2Advertisement or BGPAdvertisement. <paramref name="IpAddressPools"/> is empty
/// when it advertises every pool.
/// </summary>
public sealed record MetalLbAdvertisementInfo(string Namespace, string Name, MetalLbMode Mode, IReadOnlyList<string> IpAddressPools);

/// <summary>How MetalLB announces a Service's IP.</summary>
public enum MetalLbMode
{
    Layer2,
    Bgp,
}
