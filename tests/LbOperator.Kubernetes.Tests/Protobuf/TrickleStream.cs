namespace LbOperator.Kubernetes.Tests.Protobuf;

/// <summary>A response body that arrives a few bytes per read, as a slow network delivers it.</summary>
internal sealed class TrickleStream(byte[] bytes, int perRead) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => bytes.Length;

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var taken = Math.Min(Math.Min(count, perRead), bytes.Length - _position);
        Array.Copy(bytes, _position, buffer, offset, taken);
        _position += taken;
        return taken;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
