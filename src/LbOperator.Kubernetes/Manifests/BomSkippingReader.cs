namespace LbOperator.Kubernetes.Manifests;

/// <summary>
/// Drops a byte order mark at the start of any line. Files concatenated with <c>cat</c> or generated on
/// Windows carry one where a later document starts, where the YAML parser would take it as content.
/// </summary>
internal sealed class BomSkippingReader(TextReader inner) : TextReader
{
    private const char Bom = '\uFEFF';

    private bool _atLineStart = true;

    public override int Peek() => inner.Peek();

    public override int Read()
    {
        var buffer = new char[1];
        return Read(buffer, 0, 1) == 0 ? -1 : buffer[0];
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        while (true)
        {
            var read = inner.Read(buffer);
            if (read == 0)
            {
                return 0;
            }

            var kept = Filter(buffer[..read]);
            if (kept > 0)
            {
                return kept;
            }
        }
    }

    private int Filter(Span<char> chunk)
    {
        if (chunk.IndexOf(Bom) < 0)
        {
            _atLineStart = chunk[^1] == '\n';
            return chunk.Length;
        }

        var kept = 0;
        foreach (var c in chunk)
        {
            if (c == Bom && _atLineStart)
            {
                continue;
            }

            chunk[kept++] = c;
            _atLineStart = c == '\n';
        }

        return kept;
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
