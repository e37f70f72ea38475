using System.Runtime.CompilerServices;

namespace LbOperator.Operator.Caching;

/// <summary>
/// Remembers the core record mapped from each cached API object. An informer cache replaces an object's
/// instance whenever its resourceVersion changes, so the instance stands for the version: a reconcile
/// re-maps only what changed, and a record goes away with the object version it came from (no pruning).
/// </summary>
internal sealed class MappedRecords<TSource, TRecord>
    where TSource : class
    where TRecord : class
{
    private readonly ConditionalWeakTable<TSource, Box> _records = [];

    // Made once: a lambda passed on each call would allocate a closure per lookup, and lookups are most of a reconcile.
    private readonly ConditionalWeakTable<TSource, Box>.CreateValueCallback _create;

    public MappedRecords(Func<TSource, TRecord?> map) => _create = item => new Box(map(item));

    public TRecord? Get(TSource source) => _records.GetValue(source, _create).Record;

    /// <summary>Holds a null result too, so an object that maps to nothing is not mapped again.</summary>
    private sealed class Box(TRecord? record)
    {
        public TRecord? Record { get; } = record;
    }
}
