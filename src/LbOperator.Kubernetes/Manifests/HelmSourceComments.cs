using System.Text;

namespace LbOperator.Kubernetes.Manifests;

/// <summary>
/// Passes YAML text to the parser and notes, on the way, each <c># Source: TEMPLATE</c> line that
/// <c>helm template</c> writes above a document. Reading comments here lets the parser skip them: YamlDotNet
/// rejects valid YAML when it has to report a comment right after a flow collection (<c>podCIDRs: []</c>).
/// </summary>
internal sealed class HelmSourceComments(TextReader inner) : TextReader
{
    private const string SourcePrefix = "Source:";

    private readonly Queue<(int Line, string Template)> _seen = new();
    private StringBuilder? _comment;
    private int _commentLine;
    private int _line = 1;
    private bool _atLineStart = true;

    /// <summary>The template named last above <paramref name="line"/> (1-based, as the parser counts); earlier notes are dropped.</summary>
    public string? TemplateAbove(int line)
    {
        string? template = null;
        while (_seen.TryPeek(out var seen) && seen.Line < line)
        {
            template = _seen.Dequeue().Template;
        }

        return template;
    }

    public override int Peek() => inner.Peek();

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var read = inner.Read(buffer);
        Scan(buffer[..read]);
        return read;
    }

    private void Scan(ReadOnlySpan<char> rest)
    {
        while (rest.Length > 0)
        {
            if (_comment is null && _atLineStart && rest[0] == '#')
            {
                (_comment, _commentLine) = (new StringBuilder(), _line);
            }

            var end = rest.IndexOf('\n');
            _comment?.Append(end < 0 ? rest : rest[..end]);
            if (end < 0)
            {
                _atLineStart = false;
                return;
            }

            if (_comment is not null)
            {
                Note(_comment.ToString());
                _comment = null;
            }

            _line++;
            _atLineStart = true;
            rest = rest[(end + 1)..];
        }
    }

    private void Note(string comment)
    {
        var text = comment.AsSpan(1).Trim();
        if (text.StartsWith(SourcePrefix, StringComparison.Ordinal) && text[SourcePrefix.Length..].Trim() is { Length: > 0 } template)
        {
            _seen.Enqueue((_commentLine, template.ToString()));
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
