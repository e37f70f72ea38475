using System.Collections.Concurrent;
using LbOperator.Core.Model;

namespace LbOperator.Operator.Publishing;

/// <summary>
/// The published state of every audited object on this replica. Every replica keeps it, leader or not,
/// so a replica that takes over does not announce again what the previous leader already did.
/// </summary>
public sealed class PublishedStates
{
    private readonly ConcurrentDictionary<ObjectRef, PublishedState> _states = new();
    private readonly ConcurrentDictionary<(string Namespace, string Kind), long> _configChanges = new();
    public PublishedState? Get(ObjectRef key) => _states.GetValueOrDefault(key);

    public void Set(PublishedState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _states[state.Object] = state;
    }

    public void Remove(ObjectRef key)
    {
        _states.TryRemove(key, out _);
    }

    /// <summary>
    /// Every key with published state. A full audit adds these to the keys in the caches, so the state and
    /// series of an object whose delete was never observed are still cleaned up.
    /// </summary>
    public IReadOnlyCollection<ObjectRef> Keys => _states.Keys.ToArray();

    /// <summary>Every published state, enumerated live (safe while reconciles write).</summary>
    public IEnumerable<PublishedState> All => _states.Values;

    /// <summary>Counts one observed load-balancing configuration change of <paramref name="key"/>.</summary>
    public void CountConfigChange(ObjectRef key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _configChanges.AddOrUpdate((key.Namespace, key.KindName), 1, (_, count) => count + 1);
    }

    /// <summary>
    /// The config change counts of the namespaces and kinds in <paramref name="published"/>; the counts of
    /// any other are forgotten, so a namespace's counter ends with its last object (and restarts from zero).
    /// </summary>
    public IReadOnlyList<((string Namespace, string Kind) Scope, long Count)> ConfigChangeCounts(IReadOnlySet<(string Namespace, string Kind)> published)
    {
        ArgumentNullException.ThrowIfNull(published);
        var counts = new List<((string, string), long)>();
        foreach (var (scope, count) in _configChanges)
        {
            if (published.Contains(scope))
            {
                counts.Add((scope, count));
            }
            else
            {
                _configChanges.TryRemove(scope, out _);
            }
        }

        return counts;
    }

    /// <summary>A point-in-time copy, for diagnostics and for tests that compare it with a fresh analysis.</summary>
    public IReadOnlyDictionary<ObjectRef, PublishedState> Snapshot() => new Dictionary<ObjectRef, PublishedState>(_states);
}
