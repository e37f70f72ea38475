using System.Buffers;

namespace LbOperator.Core.Analysis.Endpoints;

/// <summary>
/// Finds an endpoint seen earlier in another slice, by its key (address, else id). Open addressing over a pooled table, so a
/// Service with thousands of endpoints allocates nothing on the large-object heap for it.
/// </summary>
internal readonly struct EndpointIdIndex : IDisposable
{
    private readonly int[] _slots;
    private readonly int _mask;

    public EndpointIdIndex(int capacity)
    {
        var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, capacity * 2));
        _slots = ArrayPool<int>.Shared.Rent(size);
        Array.Clear(_slots, 0, size);
        _mask = size - 1;
    }

    /// <summary>Records <paramref name="index"/> for the key <paramref name="id"/> unless it is known.</summary>
    /// <returns>The index recorded earlier for the id, or -1 when it is new.</returns>
    public int GetOrAdd(string id, int index, ReadOnlySpan<Model.EndpointInfo> endpoints)
    {
        var slot = id.GetHashCode(StringComparison.Ordinal) & _mask;
        while (true)
        {
            var stored = _slots[slot];
            if (stored == 0)
            {
                _slots[slot] = index + 1;
                return -1;
            }

            if (string.Equals(endpoints[stored - 1].Key, id, StringComparison.Ordinal))
            {
                return stored - 1;
            }

            slot = (slot + 1) & _mask;
        }
    }

    public void Dispose() => ArrayPool<int>.Shared.Return(_slots);
}
