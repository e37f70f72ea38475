using k8s;
using k8s.Models;
using LbOperator.Runtime;

namespace LbOperator.Operator.Tests.Fakes;

/// <summary>An informer cache stand-in: objects by namespace and name, replaced on every update as a real cache does.</summary>
internal sealed class InMemoryObjectStore<T> : IObjectStore<T>
    where T : IKubernetesObject<V1ObjectMeta>
{
    private readonly Dictionary<(string Namespace, string Name), T> _objects = [];

    public bool HasSynced { get; set; } = true;

    public T? Get(string? @namespace, string name) =>
        _objects.TryGetValue((@namespace ?? "", name), out var item) ? item : default;

    public IReadOnlyCollection<T> List() => _objects.Values.ToArray();

    /// <summary>Stores the object and returns the one it replaced.</summary>
    public T? Put(T item)
    {
        var key = (item.Metadata.NamespaceProperty ?? "", item.Metadata.Name);
        var old = Get(key.Item1, key.Name);
        _objects[key] = item;
        return old;
    }

    public T? Remove(string? @namespace, string name)
    {
        var old = Get(@namespace, name);
        _objects.Remove((@namespace ?? "", name));
        return old;
    }
}
