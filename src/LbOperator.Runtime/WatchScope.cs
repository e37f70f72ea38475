namespace LbOperator.Runtime;

/// <summary>The namespaces this process watches; empty means all of them.</summary>
public sealed record WatchScope(IReadOnlyCollection<string> Namespaces)
{
    public static WatchScope AllNamespaces { get; } = new([]);
}
