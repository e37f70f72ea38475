namespace LbOperator.Kubernetes.Manifests;

/// <summary>Where an object was defined: the manifest as the user named it, and the 1-based line of its first field.</summary>
public sealed record SourceLocation(string File, int Line)
{
    public const string StdinName = "<stdin>";

    public bool IsStdin => File == StdinName;

    public override string ToString() => $"{File}:{Line}";
}
