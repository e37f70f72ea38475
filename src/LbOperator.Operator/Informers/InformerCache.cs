using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using LbOperator.Runtime;

namespace LbOperator.Operator.Informers;

/// <summary>
/// The cache of one kind, fed by list and watch, read through <see cref="IObjectStore{T}"/>. Every change
/// is announced to subscribers as <c>(old, current)</c>: <c>(null, x)</c> added, <c>(x, y)</c> updated,
/// <c>(x, null)</c> deleted. Subscribers of all informers sharing <paramref name="notificationGate"/> are
/// called one at a time, after the cache already shows the change; they must be quick and not block.
/// A relist diffs against the cache, so nothing that changed while the watch was down is lost.
/// Objects are kept without <c>managedFields</c> and kubectl's last-applied annotation, as client-go's
/// caches strip them: nothing here reads them, and they are most of an object's size.
/// </summary>
public sealed class InformerCache<T>(Lock notificationGate, Func<string, bool> admitsNamespace, int scopeCount) : IObjectStore<T>, IVersionedStore
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly ConcurrentDictionary<(string Namespace, string Name), T> items = new();
    private readonly List<Action<T?, T?>> subscribers = [];
    private readonly HashSet<string> syncedScopes = [];
    private Action<Exception>? onSubscriberError;
    private long version;

    public bool HasSynced
    {
        get
        {
            lock (syncedScopes)
            {
                return syncedScopes.Count >= scopeCount;
            }
        }
    }

    public T? Get(string? @namespace, string name) => items.GetValueOrDefault((@namespace ?? "", name));

    public IReadOnlyCollection<T> List() => items.Values.ToArray();

    public int Count => items.Count;

    /// <summary>Moves before every change is announced, so a reader that saw the change sees a new version.</summary>
    public long Version => Interlocked.Read(ref version);

    public void Subscribe(Action<T?, T?> subscriber)
    {
        lock (notificationGate)
        {
            subscribers.Add(subscriber);
        }
    }

    /// <summary>Where exceptions thrown by subscribers go; they never stop the informer.</summary>
    public void OnSubscriberError(Action<Exception> handler) => onSubscriberError = handler;

    /// <summary>Replaces everything in <paramref name="scope"/> (a namespace, or null for all) with a fresh list.</summary>
    public void Replace(string? scope, IEnumerable<T> listed)
    {
        lock (notificationGate)
        {
            var fresh = new Dictionary<(string, string), T>();
            foreach (var item in listed.Where(Admits))
            {
                fresh[KeyOf(item)] = Trimmed(item);
            }

            foreach (var (key, old) in items.Where(p => scope is null || p.Key.Namespace == scope).ToList())
            {
                if (!fresh.ContainsKey(key) && items.TryRemove(key, out _))
                {
                    Notify(old, null);
                }
            }

            foreach (var (key, current) in fresh)
            {
                var old = items.GetValueOrDefault(key);
                items[key] = current;
                if (old is null || old.Metadata.ResourceVersion != current.Metadata.ResourceVersion)
                {
                    Notify(old, current);
                }
            }
        }

        lock (syncedScopes)
        {
            syncedScopes.Add(scope ?? "");
        }
    }

    /// <summary>
    /// Announces every cached object as deleted and forgets that any scope was listed, for a kind that is
    /// no longer served: <see cref="HasSynced"/> turns true again only after the next list.
    /// </summary>
    public void Reset()
    {
        lock (notificationGate)
        {
            foreach (var (key, old) in items.ToList())
            {
                if (items.TryRemove(key, out _))
                {
                    Notify(old, null);
                }
            }
        }

        lock (syncedScopes)
        {
            syncedScopes.Clear();
        }
    }

    /// <summary>Applies one ADDED, MODIFIED or DELETED watch event.</summary>
    public void Apply(WatchEventType type, T item)
    {
        if (!Admits(item))
        {
            return;
        }

        lock (notificationGate)
        {
            var key = KeyOf(item);
            var old = items.GetValueOrDefault(key);
            if (type == WatchEventType.Deleted)
            {
                if (items.TryRemove(key, out _))
                {
                    Notify(old, null);
                }

                return;
            }

            items[key] = Trimmed(item);
            if (old is null || old.Metadata.ResourceVersion != item.Metadata.ResourceVersion)
            {
                Notify(old, item);
            }
        }
    }

    private const string LastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration";

    private static T Trimmed(T item)
    {
        item.Metadata.ManagedFields = null;
        item.Metadata.Annotations?.Remove(LastAppliedAnnotation);
        return item;
    }

    private bool Admits(T item) => item.Metadata?.Name is not null && admitsNamespace(item.Metadata.NamespaceProperty ?? "");

    private static (string, string) KeyOf(T item) => (item.Metadata.NamespaceProperty ?? "", item.Metadata.Name);

    private void Notify(T? old, T? current)
    {
        Interlocked.Increment(ref version);
        foreach (var subscriber in subscribers)
        {
            try
            {
                subscriber(old, current);
            }
            catch (Exception error)
            {
                onSubscriberError?.Invoke(error);
            }
        }
    }
}
