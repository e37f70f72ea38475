using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis;

/// <summary>
/// One value derived from a view, kept from one analysis to the next while the view reports the same version
/// of what it was derived from: at thousands of objects, deriving it again for each of thousands of analyses
/// would dominate a full audit. Without a version it is derived for each analysis. Safe to share between
/// threads; the value must only be read once built.
/// </summary>
internal sealed class PerVersion<T>
    where T : class
{
    private volatile Entry? _last;

    /// <param name="version">Read by the caller before <paramref name="build"/> reads the view: a change in between
    /// stores a newer value under an older version, which the next analysis sees as stale and builds again.</param>
    public T Get(IClusterView view, long? version, Func<T> build)
    {
        if (version is not { } current)
        {
            return build();
        }

        if (_last is { } last && ReferenceEquals(last.View, view) && last.Version == current)
        {
            return last.Value;
        }

        var value = build();
        _last = new Entry(view, current, value);
        return value;
    }

    private sealed record Entry(IClusterView View, long Version, T Value);
}
