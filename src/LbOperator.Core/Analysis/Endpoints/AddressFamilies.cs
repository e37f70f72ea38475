using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.Endpoints;

/// <summary>The EndpointSlices of one address family (IPv4, IPv6, FQDN).</summary>
internal sealed record AddressFamily(string Name, IReadOnlyList<EndpointSliceInfo> Slices);

/// <summary>
/// A dual-stack Service has one set of slices per address family, and kube-proxy programs each family
/// on its own: a client reaching the Service over IPv6 is spread over the IPv6 endpoints only. The slices'
/// <c>addressType</c> decides the family, since a slice exists for each family the Service's ipFamilies list.
/// </summary>
internal static class AddressFamilies
{
    /// <returns>The families that have slices, the primary first (IPv4, then IPv6, then any other by name).</returns>
    public static IReadOnlyList<AddressFamily> Of(IReadOnlyList<EndpointSliceInfo> slices)
    {
        if (slices.Count == 0)
        {
            return [];
        }

        var first = FamilyOf(slices[0]);
        var single = true;
        foreach (var slice in slices)
        {
            single &= string.Equals(FamilyOf(slice), first, StringComparison.Ordinal);
        }

        if (single)
        {
            return [new AddressFamily(first, slices)];
        }

        var byFamily = new SortedDictionary<string, List<EndpointSliceInfo>>(Comparer<string>.Create(Compare));
        foreach (var slice in slices)
        {
            var family = FamilyOf(slice);
            if (!byFamily.TryGetValue(family, out var list))
            {
                byFamily[family] = list = [];
            }

            list.Add(slice);
        }

        return [.. byFamily.Select(pair => new AddressFamily(pair.Key, pair.Value))];
    }

    /// <summary>
    /// True when every family holds the same ready pods on the same nodes: then each family's clients see
    /// one spread, and the primary family stands for all of them.
    /// </summary>
    public static bool HoldSamePods(IReadOnlyList<AddressFamily> families)
    {
        if (families.Count < 2)
        {
            return true;
        }

        var primary = ReadyPods(families[0].Slices);
        for (var i = 1; i < families.Count; i++)
        {
            if (!primary.SetEquals(ReadyPods(families[i].Slices)))
            {
                return false;
            }
        }

        return true;
    }

    private static string FamilyOf(EndpointSliceInfo slice) => slice.AddressType ?? "IPv4";

    private static int Compare(string left, string right)
    {
        var byRank = Rank(left).CompareTo(Rank(right));
        return byRank != 0 ? byRank : string.CompareOrdinal(left, right);
    }

    private static int Rank(string family) => family switch
    {
        "IPv4" => 0,
        "IPv6" => 1,
        _ => 2,
    };

    /// <summary>A pod is its targetRef (else the endpoint's id) and its node: the address differs by family, the pod does not.</summary>
    private static HashSet<(string Pod, string? Node)> ReadyPods(IReadOnlyList<EndpointSliceInfo> slices)
    {
        var pods = new HashSet<(string, string?)>();
        foreach (var slice in slices)
        {
            foreach (var endpoint in slice.Endpoints)
            {
                if (endpoint.Ready != false && endpoint.Terminating != true)
                {
                    pods.Add((endpoint.Pod?.ToString() ?? endpoint.Id, endpoint.NodeName));
                }
            }
        }

        return pods;
    }
}
