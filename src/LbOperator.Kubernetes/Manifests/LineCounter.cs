namespace LbOperator.Kubernetes.Manifests;

/// <summary>
/// The 1-based line and column of byte offsets that only move forward, counting newlines once, over a
/// text that is read in blocks: each call sees the bytes from some offset on, covering all bytes after
/// the previous call's offset.
/// </summary>
internal sealed class LineCounter
{
    private long _offset;
    private int _line = 1;
    private long _lineStart;

    /// <param name="offset">The byte offset in the whole text.</param>
    /// <param name="text">The bytes of the text from <paramref name="textStart"/> on.</param>
    /// <param name="textStart">The offset in the whole text of the first byte of <paramref name="text"/>.</param>
    public (int Line, int Column) At(long offset, ReadOnlySpan<byte> text, long textStart)
    {
        if (offset > _offset)
        {
            var span = text[(int)(_offset - textStart)..(int)(offset - textStart)];
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
