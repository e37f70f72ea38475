using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.Endpoints;

/// <summary>
/// A dual-stack Service has one set of slices per address family, and kube-proxy programs each family
/// on its own. The spread is modelled on the primary family (IPv4 when present); when the other family
/// holds different ready pods, a note says so, since its clients see another spread.
/// </summary>
internal static class AddressFamilies
{
    /// <returns>The slices of the primary family, and a note when the other family holds other ready pods.</returns>
    public static (IReadOnlyList<EndpointSliceInfo> Primary, string? Note) Of(IReadOnlyList<EndpointSliceInfo> slices)
    {
        var primary = FamilyOf(slices[0]);
        var mixed = false;
        foreach (var slice in slices)
        {
            var family = FamilyOf(slice);
            mixed |= family != primary;
            if (Rank(family) < Rank(primary))
            {
                primary = family;
            }
        }

        if (!mixed)
        {
            return (slices, null);
        }

        var chosen = new List<EndpointSliceInfo>();
        var others = new List<EndpointSliceInfo>();
        foreach (var slice in slices)
        {
            (FamilyOf(slice) == primary ? chosen : others).Add(slice);
        }

        var other = FamilyOf(others[0]);
        return ReadyPods(chosen).SetEquals(ReadyPods(others))
            ? (chosen, null)
            : (chosen, $"the {other} endpoints hold other ready pods than the {primary} ones; the spread shown is {primary}'s");
    }

    private static string FamilyOf(EndpointSliceInfo slice) => slice.AddressType ?? "IPv4";

    private static int Rank(string family) => family switch
    {
        "IPv4" => 0,
        "IPv6" => 1,
        _ => 2,
    };

    private static HashSet<string> ReadyPods(List<EndpointSliceInfo> slices)
    {
        var pods = new HashSet<string>(StringComparer.Ordinal);
        foreach (var slice in slices)
        {
            foreach (var endpoint in slice.Endpoints)
            {
                if (endpoint.Ready != false && endpoint.Terminating != true)
                {
                    pods.Add(endpoint.Id);
                }
            }
        }

        return pods;
    }
}
