using LbOperator.Kubernetes.Protobuf;

namespace LbOperator.Kubernetes.Tests.Protobuf;

public sealed class ProtobufListReaderTests
{
    private static readonly ItemDecoder<string> NameOf = reader =>
    {
        var name = "";
        while (!reader.End)
        {
            switch (reader.ReadTag())
            {
                case (1, WireType.LengthDelimited): name = reader.ReadString(); break;
                case var (_, type): reader.Skip(type); break;
            }
        }

        return name;
    };

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task Every_item_and_the_resource_version_are_read_however_the_body_is_split(int bytesPerRead)
    {
        var list = new ProtobufWriter().Message(1, new ProtobufWriter().String(2, "4711"));
        for (var index = 0; index < 500; index++)
        {
            list.Message(2, new ProtobufWriter().String(1, $"item-{index}").Varint(7, (ulong)index));
        }

        var (items, metadata) = await ProtobufListReader.ReadAsync(new TrickleStream(ProtobufWriter.Envelope(list), bytesPerRead), NameOf, CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 500).Select(index => $"item-{index}"), items);
        Assert.Equal("4711", metadata.ResourceVersion);
    }

    [Fact]
    public async Task An_item_larger_than_the_reading_window_is_read_whole()
    {
        var large = new string('x', 300_000);
        var list = new ProtobufWriter().Message(2, new ProtobufWriter().String(1, "small")).Message(2, new ProtobufWriter().String(1, large));

        var (items, _) = await ProtobufListReader.ReadAsync(new TrickleStream(ProtobufWriter.Envelope(list), 65_000), NameOf, CancellationToken.None);

        Assert.Equal(["small", large], items);
    }

    [Fact]
    public async Task Shared_values_of_different_items_in_one_list_are_one_string()
    {
        ItemDecoder<(string Name, string Node)> decode = reader =>
        {
            var (name, node) = ("", "");
            while (!reader.End)
            {
                switch (reader.ReadTag())
                {
                    case (1, WireType.LengthDelimited): name = reader.ReadString(); break;
                    case (2, WireType.LengthDelimited):
                        // Nested, as an endpoint's nodeName is: the pool reaches every message of the item.
                        var endpoint = reader.ReadMessage();
                        endpoint.ReadTag();
                        node = endpoint.ReadSharedString();
                        break;
                    case var (_, type): reader.Skip(type); break;
                }
            }

            return (name, node);
        };
        var list = new ProtobufWriter();
        foreach (var name in new[] { "a", "b" })
        {
            list.Message(2, new ProtobufWriter().String(1, name).Message(2, new ProtobufWriter().String(1, "node-1")));
        }

        var (items, _) = await ProtobufListReader.ReadAsync(new MemoryStream(ProtobufWriter.Envelope(list)), decode, CancellationToken.None);

        Assert.Equal([("a", "node-1"), ("b", "node-1")], items);
        Assert.Same(items[0].Node, items[1].Node);
    }

    [Fact]
    public async Task An_empty_list_reads_as_no_items()
    {
        var (items, _) = await ProtobufListReader.ReadAsync(new MemoryStream(ProtobufWriter.Envelope(new ProtobufWriter())), NameOf, CancellationToken.None);

        Assert.Empty(items);
    }

    public static TheoryData<byte[]> Malformed =>
    [
        "{\"kind\":\"ServiceList\"}"u8.ToArray(), // JSON where protobuf was announced
        ProtobufWriter.Envelope(new ProtobufWriter().Message(2, new ProtobufWriter().String(1, "a")))[..^2], // cut inside an item
        new ProtobufWriter().Raw("k8s\0"u8.ToArray()).Message(1, new ProtobufWriter().String(1, "v1")).ToArray(), // an envelope with no list
    ];

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_body_that_is_not_a_whole_protobuf_list_fails_instead_of_reading_as_fewer_items(byte[] body)
    {
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ProtobufListReader.ReadAsync(new MemoryStream(body), NameOf, CancellationToken.None));

        Assert.StartsWith("Malformed protobuf from the API server", error.Message);
    }
}
