using k8s;
using k8s.Models;

namespace LbOperator.Runtime;

/// <summary>Read side of an informer cache: the last observed state of one resource kind.</summary>
public interface IObjectStore<T>
    where T : IKubernetesObject<V1ObjectMeta>
{
    /// <summary>Looks an object up by namespace (null or empty for cluster-scoped kinds) and name.</summary>
    T? Get(string? @namespace, string name);

    IReadOnlyCollection<T> List();

    /// <summary>True once the initial list has been loaded.</summary>
    bool HasSynced { get; }
}
