using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.Ingresses;

/// <summary>
/// The Ingress entry points (every Ingress grouped by host+path), indexed by the Ingresses each involves,
/// kept from one analysis to the next while the view reports the same <see cref="IClusterView.IngressesVersion"/>:
/// grouped again for each Ingress analysis, a full audit would grow with the square of the Ingresses. A view
/// without that version gets them grouped for each analysis. Safe to share between threads: entries are only read.
/// </summary>
internal sealed class IngressEntriesCache
{
    private volatile Entry? _last;

    /// <summary>The entry points <paramref name="target"/> takes part in, in grouping order.</summary>
    public IReadOnlyList<IngressEntry> Of(AnalysisContext context, ObjectRef target)
    {
        var view = context.View;
        // The version is read before the Ingresses: a change in between stores newer entries under an older
        // version, which the next analysis sees as stale and groups again.
        if (view.IngressesVersion is not { } version)
        {
            return Index(context).GetValueOrDefault(target) ?? [];
        }

        if (_last is not { } last || !ReferenceEquals(last.View, view) || last.Version != version)
        {
            last = new Entry(view, version, Index(context));
            _last = last;
        }

        return last.ByObject.GetValueOrDefault(target) ?? [];
    }

    private static Dictionary<ObjectRef, List<IngressEntry>> Index(AnalysisContext context)
    {
        var byObject = new Dictionary<ObjectRef, List<IngressEntry>>();
        foreach (var entry in IngressGrouping.Build(context.View.Ingresses, context.IngressClasses))
        {
            Add(byObject, entry.Main?.Ref, entry);
            if (entry.Canary?.Ref != entry.Main?.Ref)
            {
                Add(byObject, entry.Canary?.Ref, entry);
            }
        }

        return byObject;
    }

    private static void Add(Dictionary<ObjectRef, List<IngressEntry>> byObject, ObjectRef? owner, IngressEntry entry)
    {
        if (owner is null)
        {
            return;
        }

        if (!byObject.TryGetValue(owner, out var entries))
        {
            entries = [];
            byObject[owner] = entries;
        }

        entries.Add(entry);
    }

    private sealed record Entry(IClusterView View, long Version, Dictionary<ObjectRef, List<IngressEntry>> ByObject);
}
