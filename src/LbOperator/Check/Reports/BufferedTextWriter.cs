using System.Text;

namespace LbOperator.Check.Reports;

/// <summary>
/// Gathers a report's many small writes into blocks before they reach the output: the console's writer
/// flushes on every write, which for a large cluster's text report meant one system call per line.
/// Disposing flushes the rest and leaves the output open.
/// </summary>
internal sealed class BufferedTextWriter : TextWriter
{
    private const int BlockChars = 1 << 15;

    private readonly TextWriter _output;
    private readonly char[] _buffer = new char[BlockChars];
    private int _used;

    public BufferedTextWriter(TextWriter output)
        : base(output.FormatProvider)
    {
        _output = output;
        CoreNewLine = output.NewLine.ToCharArray();
    }

    public override Encoding Encoding => _output.Encoding;

    public override void Write(char value)
    {
        if (_used == _buffer.Length)
        {
            FlushBuffer();
        }

        _buffer[_used++] = value;
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        while (!buffer.IsEmpty)
        {
            if (_used == _buffer.Length)
            {
                FlushBuffer();
            }

            var count = Math.Min(buffer.Length, _buffer.Length - _used);
            buffer[..count].CopyTo(_buffer.AsSpan(_used));
            _used += count;
            buffer = buffer[count..];
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Flush()
    {
        FlushBuffer();
        _output.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }

    private void FlushBuffer()
    {
        _output.Write(_buffer, 0, _used);
        _used = 0;
    }
}
