namespace LbOperator.Operator.Changes;

/// <summary>
/// The load-balancing fields of one object as an ordered field → value map. Field order is the order
/// the extractor wrote them in, so change messages list fields the same way every time.
/// An absent field (an unset optional value, a missing annotation) is simply not in the map.
/// </summary>
public sealed class LoadBalancingConfig
{
    // A handful of fields, kept for every audited object: an array scanned in order is smaller than a
    // dictionary beside it, and as quick at this size.
    private readonly KeyValuePair<string, string>[] _fields;

    public LoadBalancingConfig(IEnumerable<KeyValuePair<string, string>> fields)
    {
        _fields = [.. fields];
        for (var i = 1; i < _fields.Length; i++)
        {
            if (IndexOf(_fields[i].Key, i) >= 0)
            {
                throw new ArgumentException($"Field '{_fields[i].Key}' appears twice.", nameof(fields));
            }
        }
    }

    public static LoadBalancingConfig Empty { get; } = new([]);

    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    /// <summary>The field's value, or null when the field is absent.</summary>
    public string? this[string field] => IndexOf(field, _fields.Length) is var index and >= 0 ? _fields[index].Value : null;

    private int IndexOf(string field, int before)
    {
        for (var i = 0; i < before; i++)
        {
            if (string.Equals(_fields[i].Key, field, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
