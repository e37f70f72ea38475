namespace LbOperator.Kubernetes.Protobuf;

/// <summary>
/// A window over a response stream: holds the bytes read but not yet consumed, and grows only when one
/// message is larger than the window (an object is at most etcd's 1.5 MiB).
/// </summary>
internal sealed class StreamWindow(Stream stream)
{
    // Below the large-object heap threshold, so a list's reading buffer dies young.
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _ended;

    /// <summary>Bytes consumed since the start of the stream.</summary>
    public long Position { get; private set; }

    public ReadOnlySpan<byte> Available => _buffer.AsSpan(_start, _end - _start);

    public void Consume(int count)
    {
        _start += count;
        Position += count;
    }

    /// <summary>Reads until at least <paramref name="count"/> bytes are available or the stream ends; returns how many are.</summary>
    public async ValueTask<int> FillAsync(int count, CancellationToken cancellationToken)
    {
        if (_end - _start >= count || _ended)
        {
            return _end - _start;
        }

        if (count > _buffer.Length - _start)
        {
            var target = count > _buffer.Length ? new byte[(int)Math.Max(count, Math.Min(2L * _buffer.Length, Array.MaxLength))] : _buffer;
            Buffer.BlockCopy(_buffer, _start, target, 0, _end - _start);
            (_buffer, _end, _start) = (target, _end - _start, 0);
        }

        while (_end - _start < count)
        {
            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                _ended = true;
                break;
            }

            _end += read;
        }

        return _end - _start;
    }

    public async ValueTask<ulong> ReadVarintAsync(CancellationToken cancellationToken)
    {
        await FillAsync(10, cancellationToken).ConfigureAwait(false);
        var reader = new ProtobufReader(Available);
        var before = Available.Length;
        var value = reader.ReadVarint();
        Consume(before - reader.Remaining);
        return value;
    }

    /// <summary>The next <paramref name="length"/> bytes, valid until the next read.</summary>
    public async ValueTask<ReadOnlyMemory<byte>> TakeAsync(ulong length, CancellationToken cancellationToken)
    {
        if (length > int.MaxValue || await FillAsync((int)length, cancellationToken).ConfigureAwait(false) < (int)length)
        {
            throw ProtobufReader.Malformed($"a field of {length} bytes runs past the end of the body");
        }

        var taken = _buffer.AsMemory(_start, (int)length);
        Consume((int)length);
        return taken;
    }
}
