namespace LbOperator.Kubernetes.Manifests;

/// <summary>The 1-based line and column of byte offsets that only move forward, counting newlines once.</summary>
internal sealed class LineCounter(ReadOnlyMemory<byte> text)
{
    private long _offset;
    private int _line = 1;
    private long _lineStart;

    public (int Line, int Column) At(long offset)
    {
        if (offset > _offset)
        {
            var span = text.Span[(int)_offset..(int)offset];
            var newlines = span.Count((byte)'\n');
            if (newlines > 0)
            {
                _line += newlines;
                _lineStart = _offset + span.LastIndexOf((byte)'\n') + 1;
            }

            _offset = offset;
        }

        return (_line, (int)(offset - _lineStart) + 1);
    }
}
