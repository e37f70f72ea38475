using System.Text;

namespace LbOperator.Kubernetes.Protobuf;

/// <summary>
/// One string per distinct value, for the fields whose values repeat across a list: namespaces, label keys and
/// values, node names and zones of every endpoint, port names and protocols, policies. 150,000 endpoints
/// otherwise keep 300,000 copies of a few hundred node and zone names in the caches. One pool lives for one
/// list. Bounded in entries and length, so values that turn out unique (each slice's service-name label)
/// cost it at most half a megabyte, and leave room for the 5,000 node names of a large cluster.
/// </summary>
public sealed class StringPool
{
    public const int MaxEntries = 16_384;
    public const int MaxLength = 128;

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _strings.Count;

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        Span<char> chars = stackalloc char[MaxLength];
        var text = chars[..Encoding.UTF8.GetChars(utf8, chars)];
        if (_lookup.TryGetValue(text, out var known))
        {
            return known;
        }

        var created = new string(text);
        if (_strings.Count < MaxEntries)
        {
            _strings.Add(created, created);
        }

        return created;
    }
}
