using System.Runtime.InteropServices;

namespace LbOperator.Core.Analysis.Building;

/// <summary>
/// Sums endpoint shares per node or zone. Most entry points touch only a few groups, so groups are
/// found by a linear scan and a hash index is built only once there are many.
/// </summary>
internal sealed class GroupTotals(int expectedGroups)
{
    private const int ScanLimit = 16;

    private readonly List<(string Key, int Endpoints, double Share)> _groups = new(Math.Clamp(expectedGroups, 1, ScanLimit));
    private Dictionary<string, int>? _index;

    public void Add(string key, double share)
    {
        var position = Find(key);
        if (position < 0)
        {
            _index?.Add(key, _groups.Count);
            _groups.Add((key, 1, share));
            if (_index is null && _groups.Count > ScanLimit)
            {
                _index = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i < _groups.Count; i++)
                {
                    _index[_groups[i].Key] = i;
                }
            }

            return;
        }

        ref var group = ref CollectionsMarshal.AsSpan(_groups)[position];
        group = (group.Key, group.Endpoints + 1, group.Share + share);
    }

    public GroupShare[] ToLargestFirst()
    {
        var result = new GroupShare[_groups.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var (key, endpoints, share) = _groups[i];
            result[i] = new GroupShare(key, endpoints, share);
        }

        Array.Sort(result, static (a, b) =>
        {
            var byShare = b.Share.CompareTo(a.Share);
            return byShare != 0 ? byShare : string.CompareOrdinal(a.Key, b.Key);
        });
        return result;
    }

    private int Find(string key)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(key, out var position) ? position : -1;
        }

        for (var i = _groups.Count - 1; i >= 0; i--)
        {
            if (string.Equals(_groups[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
