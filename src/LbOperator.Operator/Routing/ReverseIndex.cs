namespace LbOperator.Operator.Routing;

/// <summary>
/// A many-to-many index kept from one side: each source declares the set of targets it points at,
/// and the index answers which sources point at a target. Thread-safe.
/// </summary>
internal sealed class ReverseIndex<TSource, TTarget>
    where TSource : notnull
    where TTarget : notnull
{
    private readonly Dictionary<TSource, HashSet<TTarget>> _forward = [];
    private readonly Dictionary<TTarget, HashSet<TSource>> _reverse = [];
    private readonly Lock _gate = new();

    /// <summary>Replaces what <paramref name="source"/> points at; an empty set removes it.</summary>
    public void Set(TSource source, IEnumerable<TTarget> targets)
    {
        lock (_gate)
        {
            if (_forward.Remove(source, out var previous))
            {
                foreach (var target in previous)
                {
                    if (_reverse.TryGetValue(target, out var sources) && sources.Remove(source) && sources.Count == 0)
                    {
                        _reverse.Remove(target);
                    }
                }
            }

            var next = targets.ToHashSet();
            if (next.Count == 0)
            {
                return;
            }

            _forward[source] = next;
            foreach (var target in next)
            {
                if (!_reverse.TryGetValue(target, out var sources))
                {
                    sources = [];
                    _reverse[target] = sources;
                }

                sources.Add(source);
            }
        }
    }

    public IReadOnlyCollection<TSource> SourcesOf(TTarget target)
    {
        lock (_gate)
        {
            return _reverse.TryGetValue(target, out var sources) ? sources.ToArray() : [];
        }
    }

    public IReadOnlyCollection<TTarget> TargetsOf(TSource source)
    {
        lock (_gate)
        {
            return _forward.TryGetValue(source, out var targets) ? targets.ToArray() : [];
        }
    }
}
