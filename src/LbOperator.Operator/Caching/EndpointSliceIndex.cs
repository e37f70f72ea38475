using k8s.Models;
using LbOperator.Kubernetes.Mapping;

namespace LbOperator.Operator.Caching;

/// <summary>
/// Which EndpointSlices feed which Service (by the <c>kubernetes.io/service-name</c> label) and which
/// Services have endpoints on which node, kept up to date from EndpointSlice changes so neither
/// question needs a scan of every slice.
/// </summary>
public sealed class EndpointSliceIndex
{
    private readonly Dictionary<(string Namespace, string Name), Entry> _slices = [];
    // A Service has one slice or a few; a list of them costs a fraction of a set.
    private readonly Dictionary<(string Namespace, string Service), List<string>> _byService = [];
    private readonly Dictionary<string, HashSet<(string Namespace, string Name)>> _byNode = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Applies one observed change; either side may be null (added, deleted). Idempotent.</summary>
    public void Apply(V1EndpointSlice? old, V1EndpointSlice? current)
    {
        lock (_gate)
        {
            if (old is not null)
            {
                Remove(KeyOf(old));
            }

            if (current is not null)
            {
                var key = KeyOf(current);
                Remove(key);
                Add(key, current);
            }
        }
    }

    /// <summary>The names of the slices labelled for the Service, sorted.</summary>
    public IReadOnlyList<string> SlicesOf(string @namespace, string serviceName)
    {
        lock (_gate)
        {
            return _byService.TryGetValue((@namespace, serviceName), out var names)
                ? names.Order(StringComparer.Ordinal).ToArray()
                : [];
        }
    }

    /// <summary>The Services (namespace, name) with at least one endpoint on the node.</summary>
    public IReadOnlyCollection<(string Namespace, string Service)> ServicesOnNode(string nodeName)
    {
        lock (_gate)
        {
            if (!_byNode.TryGetValue(nodeName, out var slices))
            {
                return [];
            }

            return slices
                .Select(slice => _slices[slice])
                .Where(entry => entry.Service is not null)
                .Select(entry => (entry.Namespace, entry.Service!))
                .ToHashSet();
        }
    }

    /// <summary>The Service a slice is labelled for, or null.</summary>
    public static string? ServiceOf(V1EndpointSlice slice) =>
        slice.Metadata?.Labels is { } labels && labels.TryGetValue(EndpointSliceMapper.ServiceNameLabel, out var name) && name.Length > 0
            ? name
            : null;

    private static (string Namespace, string Name) KeyOf(V1EndpointSlice slice) =>
        (MetadataReader.NamespaceOf(slice.Metadata), slice.Metadata?.Name ?? "");

    private void Add((string Namespace, string Name) key, V1EndpointSlice slice)
    {
        var service = ServiceOf(slice);
        var nodes = NodesOf(slice);
        _slices[key] = new Entry(key.Namespace, service, nodes);
        if (service is not null)
        {
            GetOrAdd(_byService, (key.Namespace, service)).Add(key.Name);
        }

        foreach (var node in nodes)
        {
            GetOrAdd(_byNode, node).Add(key);
        }
    }

    /// <summary>The distinct nodes of a slice's endpoints, kept as an array: a set kept per slice costs several times its names.</summary>
    private static string[] NodesOf(V1EndpointSlice slice)
    {
        var nodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in slice.Endpoints ?? [])
        {
            if (!string.IsNullOrEmpty(endpoint.NodeName))
            {
                nodes.Add(endpoint.NodeName);
            }
        }

        return [.. nodes];
    }

    private void Remove((string Namespace, string Name) key)
    {
        if (!_slices.Remove(key, out var entry))
        {
            return;
        }

        if (entry.Service is not null)
        {
            RemoveFrom(_byService, (key.Namespace, entry.Service), key.Name);
        }

        foreach (var node in entry.Nodes)
        {
            RemoveFrom(_byNode, node, key);
        }
    }

    private static TCollection GetOrAdd<TKey, TCollection>(Dictionary<TKey, TCollection> index, TKey key)
        where TKey : notnull
        where TCollection : new()
    {
        if (!index.TryGetValue(key, out var values))
        {
            values = new TCollection();
            index[key] = values;
        }

        return values;
    }

    private static void RemoveFrom<TKey, TCollection, TValue>(Dictionary<TKey, TCollection> index, TKey key, TValue value)
        where TKey : notnull
        where TCollection : ICollection<TValue>
    {
        if (index.TryGetValue(key, out var values) && values.Remove(value) && values.Count == 0)
        {
            index.Remove(key);
        }
    }

    private sealed record Entry(string Namespace, string? Service, string[] Nodes);
}
