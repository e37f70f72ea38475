namespace LbOperator.Kubernetes.Manifests;

/// <summary>Where an object was defined: the manifest as the user named it, and the 1-based line of its first field.</summary>
/// <param name="RenderedFrom">The template named by the <c># Source:</c> comment that <c>helm template</c> writes above each document, if any.</param>
public sealed record SourceLocation(string File, int Line, string? RenderedFrom = null)
{
    public const string StdinName = "<stdin>";

    public bool IsStdin => File == StdinName;

    public override string ToString() => $"{File}:{Line}";
}
