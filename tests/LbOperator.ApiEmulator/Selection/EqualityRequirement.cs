namespace LbOperator.ApiEmulator.Selection;

/// <summary>Parses <c>key=value</c>, <c>key==value</c> and <c>key!=value</c>, the grammar label and field selectors share.</summary>
internal static class EqualityRequirement
{
    public static Func<TSource, bool>? Parse<TSource>(string requirement, Func<TSource, string, string?> read)
    {
        var (op, at) = Find(requirement);
        if (at < 0)
        {
            return null;
        }

        var key = requirement[..at].Trim();
        var value = requirement[(at + op.Length)..].Trim();
        return op == "!="
            ? source => read(source, key) != value
            : source => read(source, key) == value;
    }

    private static (string Op, int At) Find(string requirement)
    {
        foreach (var op in new[] { "!=", "==", "=" })
        {
            var at = requirement.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                return (op, at);
            }
        }

        return ("", -1);
    }
}
