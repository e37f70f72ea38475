using System.Text;

namespace LbOperator.Kubernetes.Tests.Protobuf;

/// <summary>Writes protobuf by hand, field by field, so tests can state the exact bytes a reader receives.</summary>
internal sealed class ProtobufWriter
{
    private readonly MemoryStream _bytes = new();

    public ProtobufWriter Varint(int field, ulong value) => Tag(field, 0).Raw(Encode(value));

    public ProtobufWriter Bytes(int field, byte[] value) => Tag(field, 2).Raw(Encode((ulong)value.Length)).Raw(value);

    public ProtobufWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public ProtobufWriter Message(int field, ProtobufWriter message) => Bytes(field, message.ToArray());

    public ProtobufWriter Fixed64(int field, ulong value) => Tag(field, 1).Raw(BitConverter.GetBytes(value));

    public ProtobufWriter Fixed32(int field, uint value) => Tag(field, 5).Raw(BitConverter.GetBytes(value));

    public ProtobufWriter Tag(int field, int wireType) => Raw(Encode(((ulong)field << 3) | (uint)wireType));

    public ProtobufWriter Raw(byte[] bytes)
    {
        _bytes.Write(bytes);
        return this;
    }

    public byte[] ToArray() => _bytes.ToArray();

    /// <summary>A list as the API server sends it: the k8s magic, then runtime.Unknown { typeMeta 1, raw 2 }.</summary>
    public static byte[] Envelope(ProtobufWriter list) =>
        new ProtobufWriter()
            .Raw("k8s\0"u8.ToArray())
            .Message(1, new ProtobufWriter().String(1, "v1").String(2, "ServiceList"))
            .Message(2, list)
            .ToArray();

    public static byte[] Encode(ulong value)
    {
        var bytes = new List<byte>();
        do
        {
            var next = (byte)(value & 0x7F);
            value >>= 7;
            bytes.Add(value == 0 ? next : (byte)(next | 0x80));
        }
        while (value != 0);

        return [.. bytes];
    }
}
