using System.Text;

namespace LbOperator.Kubernetes.Protobuf;

/// <summary>
/// Reads one protobuf message held whole in memory: tags, varints, fixed-size numbers and length-delimited
/// fields (strings, bytes, nested messages). Fields a decoder does not know are skipped by their wire type,
/// as protobuf requires, so a newer API server's additions read as absent.
/// </summary>
public ref struct ProtobufReader(ReadOnlySpan<byte> message, StringPool? pool = null)
{
    private readonly ReadOnlySpan<byte> _message = message;
    private readonly StringPool? _pool = pool;
    private int _position;

    public readonly bool End => _position >= _message.Length;

    /// <summary>Bytes not yet read.</summary>
    public readonly int Remaining => _message.Length - _position;

    /// <summary>The next field's number and wire type; call only while not <see cref="End"/>.</summary>
    public (int Field, WireType Type) ReadTag()
    {
        var tag = ReadVarint();
        var field = tag >> 3;
        if (field is 0 or > int.MaxValue)
        {
            throw Malformed($"field number {field}");
        }

        return ((int)field, (WireType)(tag & 7));
    }

    public ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_position >= _message.Length)
            {
                throw Malformed("a varint runs past the end of the message");
            }

            var next = _message[_position++];
            value |= (ulong)(next & 0x7F) << shift;
            if (next < 0x80)
            {
                return value;
            }
        }

        throw Malformed("a varint is longer than ten bytes");
    }

    /// <summary>int32 and int64 fields are plain varints (negative values take ten bytes, two's complement).</summary>
    public long ReadInt64() => (long)ReadVarint();

    public int ReadInt32() => (int)ReadVarint();

    public bool ReadBool() => ReadVarint() != 0;

    public ReadOnlySpan<byte> ReadBytes()
    {
        var length = ReadVarint();
        if (length > (ulong)(_message.Length - _position))
        {
            throw Malformed($"a field of {length} bytes runs past the end of the message");
        }

        var bytes = _message.Slice(_position, (int)length);
        _position += (int)length;
        return bytes;
    }

    public string ReadString() => Encoding.UTF8.GetString(ReadBytes());

    /// <summary>
    /// A Go string field tagged <c>omitempty</c>. Protobuf carries it even when empty; JSON leaves it out,
    /// so KubernetesClient reads it as null. Empty reads as null here too.
    /// </summary>
    public string? ReadOmittableString() => ReadBytes() is { Length: > 0 } bytes ? Encoding.UTF8.GetString(bytes) : null;

    /// <summary>A string whose value repeats across a list (a namespace, a node name): shared through the pool, if any.</summary>
    public string ReadSharedString() => Shared(ReadBytes());

    /// <summary><see cref="ReadOmittableString"/> for a value that repeats across a list.</summary>
    public string? ReadOmittableSharedString() => ReadBytes() is { Length: > 0 } bytes ? Shared(bytes) : null;

    public ProtobufReader ReadMessage() => new(ReadBytes(), _pool);

    private readonly string Shared(ReadOnlySpan<byte> bytes) => _pool?.Get(bytes) ?? Encoding.UTF8.GetString(bytes);

    public void Skip(WireType type)
    {
        switch (type)
        {
            case WireType.Varint:
                ReadVarint();
                break;
            case WireType.Fixed64:
                Advance(8);
                break;
            case WireType.LengthDelimited:
                ReadBytes();
                break;
            case WireType.Fixed32:
                Advance(4);
                break;
            default:
                throw Malformed($"wire type {(int)type}");
        }
    }

    private void Advance(int count)
    {
        if (count > _message.Length - _position)
        {
            throw Malformed("a fixed-size field runs past the end of the message");
        }

        _position += count;
    }

    internal static InvalidDataException Malformed(string what) => new($"Malformed protobuf from the API server: {what}.");
}

public enum WireType
{
    Varint = 0,
    Fixed64 = 1,
    LengthDelimited = 2,
    StartGroup = 3,
    EndGroup = 4,
    Fixed32 = 5,
}
