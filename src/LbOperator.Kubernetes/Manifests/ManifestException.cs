namespace LbOperator.Kubernetes.Manifests;

/// <summary>
/// A manifest that cannot be read or parsed. <see cref="Exception.Message"/> is one line meant for
/// the user: <c>file:line: what is wrong</c> (or <c>file: what is wrong</c> when no line applies).
/// </summary>
public sealed class ManifestException : Exception
{
    public ManifestException(string file, int? line, string reason, Exception? innerException = null)
        : base(line is null ? $"{file}: {reason}" : $"{file}:{line}: {reason}", innerException)
    {
        File = file;
        Line = line;
        Reason = reason;
    }

    public string File { get; }

    public int? Line { get; }

    public string Reason { get; }
}
