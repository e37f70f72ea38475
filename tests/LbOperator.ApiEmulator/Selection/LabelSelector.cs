using LbOperator.ApiEmulator.Storage;

namespace LbOperator.ApiEmulator.Selection;

/// <summary>
/// The <c>labelSelector</c> query parameter: <c>k=v</c>, <c>k==v</c>, <c>k!=v</c>, <c>k in (a,b)</c>,
/// <c>k notin (a,b)</c>, <c>k</c> and <c>!k</c>, comma-separated and all required.
/// </summary>
public static class LabelSelector
{
    public static Func<IReadOnlyDictionary<string, string>, bool> Parse(string? selector)
    {
        if (string.IsNullOrWhiteSpace(selector))
        {
            return _ => true;
        }

        var requirements = SplitTopLevel(selector).Select(ParseRequirement).ToList();
        return labels => requirements.TrueForAll(r => r(labels));
    }

    private static Func<IReadOnlyDictionary<string, string>, bool> ParseRequirement(string text)
    {
        var requirement = text.Trim();
        if (requirement.StartsWith('!'))
        {
            var key = requirement[1..].Trim();
            return labels => !labels.ContainsKey(key);
        }

        foreach (var (op, negate) in new[] { (" notin ", true), (" in ", false) })
        {
            var at = requirement.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                var key = requirement[..at].Trim();
                var values = requirement[(at + op.Length)..].Trim().TrimStart('(').TrimEnd(')')
                    .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet();
                return labels => labels.TryGetValue(key, out var v) ? values.Contains(v) != negate : negate;
            }
        }

        return EqualityRequirement.Parse<IReadOnlyDictionary<string, string>>(requirement, (labels, key) => labels.GetValueOrDefault(key))
            ?? (labels => labels.ContainsKey(requirement));
    }

    private static IEnumerable<string> SplitTopLevel(string selector)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < selector.Length; i++)
        {
            depth += selector[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (selector[i] == ',' && depth == 0)
            {
                yield return selector[start..i];
                start = i + 1;
            }
        }

        yield return selector[start..];
    }

    public static Func<StoredObject, bool> ForObjects(string? selector)
    {
        var matches = Parse(selector);
        return o => matches(o.Labels);
    }
}
