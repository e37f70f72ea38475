using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.Ingresses;

/// <summary>
/// The Ingress entry points (every Ingress grouped by host+path), indexed by the Ingresses each involves, kept
/// per <see cref="IClusterView.IngressesVersion"/>: grouped again for each Ingress analysis, a full audit would
/// grow with the square of the Ingresses.
/// </summary>
internal sealed class IngressEntriesCache
{
    private readonly PerVersion<Dictionary<ObjectRef, List<IngressEntry>>> _byObject = new();

    /// <summary>The entry points <paramref name="target"/> takes part in, in grouping order.</summary>
    public IReadOnlyList<IngressEntry> Of(AnalysisContext context, ObjectRef target) =>
        _byObject.Get(context.View, context.View.IngressesVersion, () => Index(context)).GetValueOrDefault(target) ?? [];

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
}
