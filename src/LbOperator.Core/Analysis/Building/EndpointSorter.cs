using System.Buffers;
using System.Runtime.InteropServices;

namespace LbOperator.Core.Analysis.Building;

/// <summary>
/// Sorts endpoint shares in <see cref="EndpointOrder"/>. Large pools of one Service (the costly case)
/// are sorted on a packed key instead: the share, then the four name characters after the prefix all
/// names share, with a full name comparison only when those agree. Same order, far fewer string reads.
/// </summary>
internal static class EndpointSorter
{
    private const int PackedSortThreshold = 64;

    public static void Sort(List<EndpointShare> endpoints)
    {
        var span = CollectionsMarshal.AsSpan(endpoints);
        if (span.Length < PackedSortThreshold || !OneService(span))
        {
            span.Sort(new EndpointOrder());
            return;
        }

        var prefix = CommonPrefixLength(span);
        var rented = ArrayPool<PackedEndpointKey>.Shared.Rent(span.Length);
        var keys = rented.AsSpan(0, span.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = new PackedEndpointKey(span[i].Share, Pack(span[i].Endpoint, prefix), span[i]);
        }

        keys.Sort();
        for (var i = 0; i < keys.Length; i++)
        {
            span[i] = keys[i].Item;
        }

        ArrayPool<PackedEndpointKey>.Shared.Return(rented, clearArray: true);
    }

    private static bool OneService(ReadOnlySpan<EndpointShare> span)
    {
        var first = span[0];
        foreach (var endpoint in span)
        {
            if (!string.Equals(endpoint.Service, first.Service, StringComparison.Ordinal)
                || !string.Equals(endpoint.Namespace, first.Namespace, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static int CommonPrefixLength(ReadOnlySpan<EndpointShare> span)
    {
        var reference = span[0].Endpoint.AsSpan();
        var length = reference.Length;
        foreach (var endpoint in span)
        {
            length = Math.Min(length, reference[..length].CommonPrefixLength(endpoint.Endpoint.AsSpan()));
        }

        return length;
    }

    /// <summary>Four UTF-16 units after the prefix, big-endian, zero-padded: compares like the characters do.</summary>
    private static ulong Pack(string name, int prefix)
    {
        ulong key = 0;
        for (var i = 0; i < 4; i++)
        {
            var index = prefix + i;
            key = (key << 16) | (index < name.Length ? name[index] : 0u);
        }

        return key;
    }
}
