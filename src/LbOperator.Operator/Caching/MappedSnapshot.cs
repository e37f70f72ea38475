using k8s;
using k8s.Models;
using LbOperator.Operator.Informers;
using LbOperator.Runtime;

namespace LbOperator.Operator.Caching;

/// <summary>
/// Every record of one store, mapped, as the same array for as long as the store does not change (when it
/// counts its changes, see <see cref="IVersionedStore"/>; otherwise mapped on each call). Analyses and
/// routing that read every Node or every Service then cost a lookup, not a pass over the cache.
/// </summary>
internal sealed class MappedSnapshot<TSource, TRecord>(IObjectStore<TSource> store, MappedRecords<TSource, TRecord> records)
    where TSource : class, IKubernetesObject<V1ObjectMeta>
    where TRecord : class
{
    private volatile Snapshot? _last;

    /// <summary>The store's change count, or null when it does not count.</summary>
    public long? Version => (store as IVersionedStore)?.Version;

    public TRecord[] Get()
    {
        // Read before listing: a change that lands in between leaves a newer list under an older version, mapped again next time.
        if (Version is not { } version)
        {
            return Map();
        }

        if (_last is { } last && last.Version == version)
        {
            return last.Records;
        }

        var mapped = Map();
        _last = new Snapshot(version, mapped);
        return mapped;
    }

    private TRecord[] Map() => store.List().Select(records.Get).OfType<TRecord>().ToArray();

    private sealed record Snapshot(long Version, TRecord[] Records);
}
