using System.Globalization;

namespace LbOperator.Kubernetes.Manifests;

/// <summary>Where an object was defined: the manifest as the user named it, and the 1-based line and column of its first field.</summary>
/// <param name="RenderedFrom">The template named by the <c># Source:</c> comment that <c>helm template</c> writes above each document, if any.</param>
public sealed record SourceLocation(string File, int Line, string? RenderedFrom = null, int Column = 1)
{
    public const string StdinName = "<stdin>";

    /// <summary>The pseudo-file of objects read from the live cluster.</summary>
    public const string ClusterName = "<cluster>";

    public static SourceLocation Cluster { get; } = new(ClusterName, 0);

    public bool IsStdin => File == StdinName;

    public bool IsCluster => File == ClusterName;

    public override string ToString() => IsCluster ? "cluster" : string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}");
}
