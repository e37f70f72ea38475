namespace LbOperator.Kubernetes.Manifests;

/// <summary>
/// <c>---</c> lines, where YAML documents start. YAML forbids one inside content, so reading can start
/// again at the next marker after a syntax error the parser cannot get past.
/// </summary>
internal static class DocumentMarkers
{
    /// <summary>
    /// Where to read again after a syntax error at 1-based line <paramref name="line"/>: the marker on that line
    /// (an unclosed flow mapping runs into the next document's marker), else the next one; never the start.
    /// </summary>
    public static (int Index, int LinesBefore)? ResumeAfterError(string text, int line) =>
        After(text, line - 1) is { Index: > 0 } atOrAfter ? atOrAfter : After(text, line);

    /// <summary>The first marker line after 1-based line <paramref name="line"/>: where it starts, and how many lines lie before it.</summary>
    private static (int Index, int LinesBefore)? After(string text, int line)
    {
        var index = 0;
        var lines = 0;
        while (index < text.Length)
        {
            if (lines >= line && IsMarker(text.AsSpan(index)))
            {
                return (index, lines);
            }

            var end = text.IndexOf('\n', index);
            if (end < 0)
            {
                return null;
            }

            index = end + 1;
            lines++;
        }

        return null;
    }

    private static bool IsMarker(ReadOnlySpan<char> lineStart) =>
        lineStart.StartsWith("---", StringComparison.Ordinal) && (lineStart.Length == 3 || lineStart[3] is ' ' or '\t' or '\r' or '\n');
}
