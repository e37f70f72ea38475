using k8s.Models;

namespace LbOperator.Kubernetes.Protobuf;

/// <summary>Decodes one list item; items of a list are independent messages.</summary>
public delegate T ItemDecoder<out T>(ProtobufReader reader);

/// <summary>
/// Reads a list the API server encoded as <c>application/vnd.kubernetes.protobuf</c>: the <c>k8s\0</c> magic,
/// then a runtime.Unknown whose <c>raw</c> field holds the list (ListMeta 1, items 2). Items are decoded one
/// at a time as their bytes arrive, so a list of 10,000 Services never sits whole in memory.
/// </summary>
public static class ProtobufListReader
{
    public const string MediaType = "application/vnd.kubernetes.protobuf";

    private static ReadOnlySpan<byte> Magic => "k8s\0"u8;

    public static async Task<(List<T> Items, V1ListMeta Metadata)> ReadAsync<T>(Stream body, ItemDecoder<T> decode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decode);
        var input = new StreamWindow(body);
        if (await input.FillAsync(Magic.Length, cancellationToken).ConfigureAwait(false) < Magic.Length || !input.Available.StartsWith(Magic))
        {
            throw ProtobufReader.Malformed("the body does not start with the k8s protobuf magic");
        }

        input.Consume(Magic.Length);
        var items = new List<T>();
        var pool = new StringPool();
        var metadata = new V1ListMeta();
        var sawList = false;
        while (await input.FillAsync(1, cancellationToken).ConfigureAwait(false) > 0)
        {
            var (field, type) = await ReadTagAsync(input, cancellationToken).ConfigureAwait(false);
            if (field == 2 && type == WireType.LengthDelimited)
            {
                var length = await input.ReadVarintAsync(cancellationToken).ConfigureAwait(false);
                var end = input.Position + (long)length;
                metadata = await ReadListAsync(input, end, items, decode, pool, cancellationToken).ConfigureAwait(false);
                sawList = true;
            }
            else
            {
                await SkipAsync(input, type, cancellationToken).ConfigureAwait(false);
            }
        }

        return sawList ? (items, metadata) : throw ProtobufReader.Malformed("the envelope holds no list");
    }

    private static async Task<V1ListMeta> ReadListAsync<T>(StreamWindow input, long end, List<T> items, ItemDecoder<T> decode, StringPool pool, CancellationToken cancellationToken)
    {
        var metadata = new V1ListMeta();
        while (input.Position < end)
        {
            var (field, type) = await ReadTagAsync(input, cancellationToken).ConfigureAwait(false);
            if (field is 1 or 2 && type == WireType.LengthDelimited)
            {
                var length = await input.ReadVarintAsync(cancellationToken).ConfigureAwait(false);
                var message = await input.TakeAsync(length, cancellationToken).ConfigureAwait(false);
                if (field == 1)
                {
                    metadata = MetadataDecoder.ListMeta(new ProtobufReader(message.Span));
                }
                else
                {
                    items.Add(decode(new ProtobufReader(message.Span, pool)));
                }
            }
            else
            {
                await SkipAsync(input, type, cancellationToken).ConfigureAwait(false);
            }
        }

        return input.Position == end ? metadata : throw ProtobufReader.Malformed("a list item runs past the end of the list");
    }

    private static async ValueTask<(int Field, WireType Type)> ReadTagAsync(StreamWindow input, CancellationToken cancellationToken)
    {
        var tag = await input.ReadVarintAsync(cancellationToken).ConfigureAwait(false);
        return tag >> 3 is > 0 and <= int.MaxValue ? ((int)(tag >> 3), (WireType)(tag & 7)) : throw ProtobufReader.Malformed($"field number {tag >> 3}");
    }

    private static async ValueTask SkipAsync(StreamWindow input, WireType type, CancellationToken cancellationToken)
    {
        switch (type)
        {
            case WireType.Varint:
                await input.ReadVarintAsync(cancellationToken).ConfigureAwait(false);
                break;
            case WireType.Fixed64:
                await input.TakeAsync(8, cancellationToken).ConfigureAwait(false);
                break;
            case WireType.Fixed32:
                await input.TakeAsync(4, cancellationToken).ConfigureAwait(false);
                break;
            case WireType.LengthDelimited:
                await input.TakeAsync(await input.ReadVarintAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw ProtobufReader.Malformed($"wire type {(int)type}");
        }
    }
}
