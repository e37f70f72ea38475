using LbOperator.Kubernetes.Protobuf;

namespace LbOperator.Kubernetes.Tests.Protobuf;

public sealed class ProtobufReaderTests
{
    [Theory]
    [InlineData(0UL)]
    [InlineData(1UL)]
    [InlineData(127UL)]
    [InlineData(128UL)]
    [InlineData(300UL)]
    [InlineData(uint.MaxValue)]
    [InlineData(ulong.MaxValue)]
    public void A_varint_reads_back_as_the_value_written(ulong value)
    {
        var reader = new ProtobufReader(ProtobufWriter.Encode(value));

        Assert.Equal(value, reader.ReadVarint());
        Assert.True(reader.End);
    }

    [Fact]
    public void A_negative_int32_reads_from_its_ten_byte_two_s_complement_varint()
    {
        var reader = new ProtobufReader(ProtobufWriter.Encode(unchecked((ulong)-5L)));

        Assert.Equal(-5, reader.ReadInt32());
    }

    [Fact]
    public void Fields_of_every_wire_type_a_decoder_does_not_know_are_skipped()
    {
        var message = new ProtobufWriter()
            .Varint(9, 150)
            .Fixed64(10, 42)
            .String(11, "unknown")
            .Fixed32(12, 7)
            .String(1, "kept")
            .ToArray();
        var reader = new ProtobufReader(message);
        string? kept = null;

        while (!reader.End)
        {
            switch (reader.ReadTag())
            {
                case (1, WireType.LengthDelimited): kept = reader.ReadString(); break;
                case var (_, type): reader.Skip(type); break;
            }
        }

        Assert.Equal("kept", kept);
    }

    public static TheoryData<byte[]> MalformedMessages =>
    [
        [0x08, 0x96], // a varint cut short
        new ProtobufWriter().Tag(1, 2).Raw([0x05, 0x61]).ToArray(), // a string longer than the message
        new ProtobufWriter().Tag(1, 1).Raw([1, 2, 3]).ToArray(), // a fixed64 cut short
        new ProtobufWriter().Tag(1, 3).ToArray(), // a group, which Kubernetes never sends
        [0x00], // field number zero
    ];

    [Theory]
    [MemberData(nameof(MalformedMessages))]
    public void A_malformed_message_fails_with_a_message_that_names_the_api_server(byte[] message)
    {
        var error = Assert.Throws<InvalidDataException>(() => SkipAll(message));

        Assert.StartsWith("Malformed protobuf from the API server", error.Message);
    }

    private static void SkipAll(byte[] message)
    {
        var reader = new ProtobufReader(message);
        while (!reader.End)
        {
            reader.Skip(reader.ReadTag().Type);
        }
    }
}
