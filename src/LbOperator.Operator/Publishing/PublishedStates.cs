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

    public PublishedState? Get(ObjectRef key) => _states.GetValueOrDefault(key);

    public void Set(PublishedState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _states[state.Object] = state;
    }

    public void Remove(ObjectRef key) => _states.TryRemove(key, out _);

    /// <summary>
    /// Every key with published state. A full audit adds these to the keys in the caches, so the state and
    /// series of an object whose delete was never observed are still cleaned up.
    /// </summary>
    public IReadOnlyCollection<ObjectRef> Keys => _states.Keys.ToArray();

    /// <summary>A point-in-time copy, for diagnostics and for tests that compare it with a fresh analysis.</summary>
    public IReadOnlyDictionary<ObjectRef, PublishedState> Snapshot() => new Dictionary<ObjectRef, PublishedState>(_states);
}
