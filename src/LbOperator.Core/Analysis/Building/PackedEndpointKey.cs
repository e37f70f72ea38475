namespace LbOperator.Core.Analysis.Building;

/// <summary>
/// Sort key of one endpoint of a large single-Service pool: share (largest first), then the packed
/// name characters after the common prefix, then the full name. See <see cref="EndpointSorter"/>.
/// </summary>
internal readonly record struct PackedEndpointKey(double Share, ulong Name, EndpointShare Item) : IComparable<PackedEndpointKey>
{
    public int CompareTo(PackedEndpointKey other)
    {
        var byShare = other.Share.CompareTo(Share);
        if (byShare != 0)
        {
            return byShare;
        }

        var byName = Name.CompareTo(other.Name);
        return byName != 0 ? byName : string.CompareOrdinal(Item.Endpoint, other.Item.Endpoint);
    }
}
