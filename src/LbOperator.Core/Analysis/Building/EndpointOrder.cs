namespace LbOperator.Core.Analysis.Building;

/// <summary>
/// Largest share first, then by namespace, Service and endpoint name, so that ties (the common case)
/// come out in the same order whatever order the slices arrived in. A struct so the sort inlines it.
/// </summary>
internal readonly struct EndpointOrder : IComparer<EndpointShare>
{
    public int Compare(EndpointShare? x, EndpointShare? y)
    {
        var byShare = y!.Share.CompareTo(x!.Share);
        if (byShare != 0)
        {
            return byShare;
        }

        var byName = string.CompareOrdinal(x.Namespace, y.Namespace);
        if (byName == 0)
        {
            byName = string.CompareOrdinal(x.Service, y.Service);
        }

        return byName != 0 ? byName : string.CompareOrdinal(x.Endpoint, y.Endpoint);
    }
}
