using System.Globalization;
using System.Text;
using LbOperator.Core.Analysis.Building;
using LbOperator.Core.Analysis.Endpoints;
using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.Services;

/// <summary>
/// A dual-stack Service whose families hold different ready pods: kube-proxy programs each family on its
/// own, so IPv4 and IPv6 clients see different spreads. The worst one is shown, with its findings, and a
/// note gives each family's figures so that neither is hidden.
/// </summary>
/// <remarks>
/// A family with no ready endpoint blackholes its clients even when another family has some: kube-proxy
/// rejects connections to the family's ClusterIP or NodePort without falling back to the other family,
/// and a dual-stack client that resolved that family's address gets nothing. So that family is the worst.
/// </remarks>
internal static class FamilySpreads
{
    private readonly record struct Figures(string Family, double Skew, double Blackholed);

    public static EntryPointDraft Worst(AnalysisContext context, ServiceInfo service, IReadOnlyList<AddressFamily> families)
    {
        EntryPointDraft? shown = null;
        var all = new Figures[families.Count];
        var worst = 0;
        for (var i = 0; i < families.Count; i++)
        {
            var family = families[i];
            var draft = ServiceEntryPointBuilder.Spread(context, service, EndpointSelector.Select(context.View, family.Slices), family.Name);
            all[i] = Measure(family.Name, draft);
            if (shown is null || IsWorse(all[i], all[worst]))
            {
                shown = draft;
                worst = i;
            }
        }

        shown!.Notes.Add(Note(all, worst));
        return shown;
    }

    /// <summary>Blackholed share first (lost requests outweigh an uneven spread), then skew; on a tie the earlier family stays.</summary>
    private static bool IsWorse(Figures candidate, Figures current) =>
        candidate.Blackholed != current.Blackholed ? candidate.Blackholed > current.Blackholed : candidate.Skew > current.Skew;

    /// <summary>The figures the entry point will report, computed as its result does: the largest share times the pool.</summary>
    private static Figures Measure(string family, EntryPointDraft draft)
    {
        var largest = 0.0;
        foreach (var endpoint in draft.Endpoints)
        {
            largest = Math.Max(largest, endpoint.Share);
        }

        return new Figures(family, Math.Round(largest * draft.Endpoints.Count, 9), Math.Round(draft.BlackholedShare, 9));
    }

    private static string Note(Figures[] all, int worst)
    {
        var shown = all[worst];
        var others = all.Where((_, i) => i != worst).ToList();
        var note = new StringBuilder()
            .Append("the ").Append(string.Join(" and ", others.Select(o => o.Family)))
            .Append(" endpoints hold other ready pods than the ").Append(shown.Family)
            .Append(" ones; the spread shown is ").Append(shown.Family).Append("'s");
        if (others.Any(o => o.Skew != shown.Skew || o.Blackholed != shown.Blackholed))
        {
            note.Append(others.Count == 1 ? ", the worse (" : ", the worst (").Append(Describe(shown));
            foreach (var other in others)
            {
                note.Append("; ").Append(Describe(other));
            }

            note.Append(')');
        }

        return note.ToString();
    }

    private static string Describe(Figures figures) => figures.Blackholed switch
    {
        >= 1 => $"{figures.Family}: no ready endpoint, all traffic blackholed",
        > 0 => string.Create(CultureInfo.InvariantCulture, $"{figures.Family}: skew {figures.Skew:0.###}, {figures.Blackholed * 100:0.#}% blackholed"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{figures.Family}: skew {figures.Skew:0.###}"),
    };
}
