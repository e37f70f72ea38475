namespace LbOperator.Operator.Changes;

/// <summary>
/// The load-balancing fields of one object as an ordered field → value map. Field order is the order
/// the extractor wrote them in, so change messages list fields the same way every time.
/// An absent field (an unset optional value, a missing annotation) is simply not in the map.
/// </summary>
public sealed class LoadBalancingConfig
{
    private readonly Dictionary<string, string> _values;

    public LoadBalancingConfig(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var list = new List<KeyValuePair<string, string>>();
        _values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (_values.TryAdd(field.Key, field.Value))
            {
                list.Add(field);
            }
            else
            {
                throw new ArgumentException($"Field '{field.Key}' appears twice.", nameof(fields));
            }
        }

        Fields = list;
    }

    public static LoadBalancingConfig Empty { get; } = new([]);

    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; }

    /// <summary>The field's value, or null when the field is absent.</summary>
    public string? this[string field] => _values.GetValueOrDefault(field);
}
