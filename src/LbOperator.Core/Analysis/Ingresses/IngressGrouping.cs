using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.Ingresses;

/// <summary>
/// Groups Ingress paths into entry points the way ingress-nginx builds its servers: one location per
/// host+path across the Ingresses of one nginx class (each class is its own controller deployment), with a canary Ingress merged into the main one.
/// Ingresses of other classes get one entry point per path.
/// </summary>
internal static class IngressGrouping
{
    public const string DefaultBackendName = "(default backend)";

    public static List<IngressEntry> Build(IReadOnlyCollection<IngressInfo> ingresses, IngressClass classes)
    {
        var sorted = ingresses.ToArray();
        Array.Sort(sorted, (a, b) =>
        {
            var byNamespace = string.CompareOrdinal(a.Namespace, b.Namespace);
            return byNamespace != 0 ? byNamespace : string.CompareOrdinal(a.Name, b.Name);
        });

        var entries = new List<IngressEntry>();
        var locations = new Dictionary<string, IngressEntry>(StringComparer.Ordinal);
        var canaries = new List<(IngressInfo Ingress, IngressPathInfo Path)>();
        foreach (var ingress in sorted)
        {
            var controller = classes.ControllerOf(ingress);
            var nginx = controller == IngressController.Nginx;
            var canary = nginx && IngressClass.IsCanary(ingress);
            if (!canary && ingress.DefaultBackend is { } defaultBackend)
            {
                entries.Add(new IngressEntry(DefaultBackendName, controller) { Main = ingress, MainBackend = defaultBackend });
            }

            foreach (var path in ingress.Paths)
            {
                if (canary)
                {
                    canaries.Add((ingress, path));
                }
                else if (!nginx)
                {
                    entries.Add(new IngressEntry(NameOf(path), controller) { Main = ingress, MainBackend = path.Backend });
                }
                else if (locations.TryGetValue(LocationOf(classes, ingress, path), out var existing))
                {
                    existing.Notes.Add($"Ingress {ingress.Ref} also defines {existing.Name}; ingress-nginx serves only one of them, taken here as {existing.Main!.Ref}");
                }
                else
                {
                    var entry = new IngressEntry(NameOf(path), IngressController.Nginx) { Main = ingress, MainBackend = path.Backend };
                    locations[LocationOf(classes, ingress, path)] = entry;
                    entries.Add(entry);
                }
            }
        }

        foreach (var (ingress, path) in canaries)
        {
            AttachCanary(entries, locations, LocationOf(classes, ingress, path), ingress, path);
        }

        return entries;
    }

    /// <summary>The entry point's label: <c>host/path</c>, with <c>*</c> for rules without a host.</summary>
    public static string NameOf(IngressPathInfo path)
    {
        var host = path.Host.Length == 0 ? "*" : path.Host;
        var route = path.Path.StartsWith('/') ? path.Path : "/" + path.Path;
        return host + route;
    }

    private static string LocationOf(IngressClass classes, IngressInfo ingress, IngressPathInfo path) =>
        (classes.ClassOf(ingress) ?? "nginx") + "\0" + NameOf(path);

    private static void AttachCanary(List<IngressEntry> entries, Dictionary<string, IngressEntry> locations, string location, IngressInfo ingress, IngressPathInfo path)
    {
        var name = NameOf(path);
        if (!locations.TryGetValue(location, out var entry))
        {
            var orphan = new IngressEntry(name, IngressController.Nginx) { Canary = ingress, CanaryBackend = path.Backend };
            orphan.Notes.Add($"no main Ingress serves {name}, so ingress-nginx ignores the canary Ingress {ingress.Ref}");
            entries.Add(orphan);
            return;
        }

        if (entry.Canary is { } current)
        {
            entry.Notes.Add($"canary Ingress {ingress.Ref} is ignored: ingress-nginx takes one canary per path, here {current.Ref}");
            return;
        }

        entry.Canary = ingress;
        entry.CanaryBackend = path.Backend;
    }
}
