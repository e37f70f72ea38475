using System.Globalization;
using System.Text.Json.Nodes;
using LbOperator.ApiEmulator.Resources;

namespace LbOperator.ApiEmulator.Storage;

/// <summary>
/// The emulator's "etcd": every object of every resource, one monotonic resourceVersion counter and a
/// bounded history of changes that watches replay from. Changes older than the window are compacted,
/// so a watch that asks for them gets 410 Expired. One lock keeps changes and watch delivery ordered.
/// </summary>
public sealed class ResourceStore(TimeProvider time, int historyLimit)
{
    private readonly Lock gate = new();
    private readonly Dictionary<ApiResource, Dictionary<(string Namespace, string Name), StoredObject>> objects = [];
    private readonly Queue<WatchEventRecord> history = new();
    private readonly List<WatchSubscription> watchers = [];
    private long resourceVersion = 1000;
    private long compactedThrough;

    public long ResourceVersion
    {
        get
        {
            lock (gate)
            {
                return resourceVersion;
            }
        }
    }

    public (IReadOnlyList<StoredObject> Items, long ResourceVersion) List(ApiResource resource, string? @namespace, Func<StoredObject, bool> filter)
    {
        lock (gate)
        {
            var items = Table(resource).Values
                .Where(o => (@namespace is null || o.Namespace == @namespace) && filter(o))
                .OrderBy(o => o.Namespace, StringComparer.Ordinal).ThenBy(o => o.Name, StringComparer.Ordinal)
                .ToList();
            return (items, resourceVersion);
        }
    }

    public StoredObject? Get(ApiResource resource, string @namespace, string name)
    {
        lock (gate)
        {
            return Table(resource).GetValueOrDefault((@namespace, name));
        }
    }

    public StoredObject Create(ApiResource resource, string @namespace, JsonObject body)
    {
        lock (gate)
        {
            var metadata = body["metadata"] as JsonObject;
            var name = (string?)metadata?["name"];
            if (string.IsNullOrEmpty(name) && (string?)metadata?["generateName"] is { Length: > 0 } prefix)
            {
                name = prefix + (resourceVersion + 1).ToString("x5", CultureInfo.InvariantCulture);
            }

            if (string.IsNullOrEmpty(name))
            {
                throw new ApiStatusException(422, "Invalid",
                    $"{resource.Kind} \"\" is invalid: metadata.name: Required value: name or generateName is required",
                    kind: resource.Kind, group: resource.Group);
            }

            if (Table(resource).ContainsKey((@namespace, name)))
            {
                throw new ApiStatusException(409, "AlreadyExists", $"{resource.Name} \"{name}\" already exists",
                    name, resource.Plural, resource.Group);
            }

            return Commit("ADDED", resource, @namespace, name, body, previous: null);
        }
    }

    public StoredObject Update(ApiResource resource, string @namespace, string name, JsonObject body)
    {
        lock (gate)
        {
            var current = Existing(resource, @namespace, name);
            var requested = (string?)(body["metadata"] as JsonObject)?["resourceVersion"];
            if (!string.IsNullOrEmpty(requested) && requested != current.ResourceVersion.ToString(CultureInfo.InvariantCulture))
            {
                throw Conflict(resource, name);
            }

            return Commit("MODIFIED", resource, @namespace, name, body, current);
        }
    }

    /// <summary>Applies <paramref name="patch"/> to the stored object atomically.</summary>
    public StoredObject Patch(ApiResource resource, string @namespace, string name, Func<JsonObject, JsonObject> patch)
    {
        lock (gate)
        {
            var current = Existing(resource, @namespace, name);
            var patched = patch(current.ToJsonObject());
            var requested = (string?)(patched["metadata"] as JsonObject)?["resourceVersion"];
            if (!string.IsNullOrEmpty(requested) && requested != current.ResourceVersion.ToString(CultureInfo.InvariantCulture))
            {
                throw Conflict(resource, name);
            }

            return Commit("MODIFIED", resource, @namespace, name, patched, current);
        }
    }

    public StoredObject Delete(ApiResource resource, string @namespace, string name)
    {
        lock (gate)
        {
            var current = Existing(resource, @namespace, name);
            var tombstone = Commit("DELETED", resource, @namespace, name, current.ToJsonObject(), current);
            Table(resource).Remove((@namespace, name));
            return tombstone;
        }
    }

    /// <summary>
    /// Opens a watch. Without a start resourceVersion (or "0") it begins with synthetic ADDED events for
    /// the current objects; otherwise it replays the history after it, or fails with 410 when compacted.
    /// </summary>
    public WatchSubscription Watch(ApiResource resource, string? @namespace, Func<StoredObject, bool> filter, long? from, bool silenced)
    {
        var subscription = new WatchSubscription(resource, @namespace, filter, silenced);
        lock (gate)
        {
            if (from is null or 0)
            {
                foreach (var item in Table(resource).Values)
                {
                    subscription.OfferInitial(item);
                }
            }
            else if (from < compactedThrough)
            {
                throw new ApiStatusException(410, "Expired", $"too old resource version: {from} ({compactedThrough + 1})");
            }
            else
            {
                foreach (var change in history.Where(c => c.ResourceVersion > from))
                {
                    subscription.Offer(change);
                }
            }

            watchers.Add(subscription);
        }

        return subscription;
    }

    public void Unwatch(WatchSubscription subscription)
    {
        lock (gate)
        {
            watchers.Remove(subscription);
        }
    }

    /// <summary>Sends a bookmark carrying the newest resourceVersion, ordered after every change already sent.</summary>
    public void Bookmark(WatchSubscription subscription)
    {
        lock (gate)
        {
            subscription.OfferBookmark(resourceVersion);
        }
    }

    /// <summary>Forgets the whole history, so every watch resuming from an older resourceVersion gets 410 Expired.</summary>
    public void Compact()
    {
        lock (gate)
        {
            history.Clear();
            compactedThrough = resourceVersion;
        }
    }

    public int DropWatches(ApiResource? resource) => ForWatches(resource, w => w.Drop());

    public int SilenceWatches(ApiResource? resource) => ForWatches(resource, w => w.IsSilenced = true);

    public int OpenWatches(ApiResource? resource) => ForWatches(resource, _ => { });

    private int ForWatches(ApiResource? resource, Action<WatchSubscription> action)
    {
        lock (gate)
        {
            var selected = watchers.Where(w => resource is null || w.Resource == resource).ToList();
            selected.ForEach(action);
            return selected.Count;
        }
    }

    private StoredObject Commit(string type, ApiResource resource, string @namespace, string name, JsonObject body, StoredObject? previous)
    {
        resourceVersion++;
        var stored = StoredObjectFactory.Create(resource, @namespace, name, resourceVersion, body, previous, time.GetUtcNow());
        if (type != "DELETED")
        {
            Table(resource)[(@namespace, name)] = stored;
        }

        var change = new WatchEventRecord(type, stored, previous);
        history.Enqueue(change);
        while (history.Count > historyLimit)
        {
            compactedThrough = history.Dequeue().ResourceVersion;
        }

        foreach (var watcher in watchers)
        {
            watcher.Offer(change);
        }

        return stored;
    }

    private StoredObject Existing(ApiResource resource, string @namespace, string name) =>
        Table(resource).GetValueOrDefault((@namespace, name))
        ?? throw new ApiStatusException(404, "NotFound", $"{resource.Name} \"{name}\" not found", name, resource.Plural, resource.Group);

    private static ApiStatusException Conflict(ApiResource resource, string name) =>
        new(409, "Conflict",
            $"Operation cannot be fulfilled on {resource.Name} \"{name}\": the object has been modified; please apply your changes to the latest version and try again",
            name, resource.Plural, resource.Group);

    private Dictionary<(string Namespace, string Name), StoredObject> Table(ApiResource resource)
    {
        if (!objects.TryGetValue(resource, out var table))
        {
            table = [];
            objects[resource] = table;
        }

        return table;
    }
}
