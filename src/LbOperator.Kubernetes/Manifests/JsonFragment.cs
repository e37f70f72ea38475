using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LbOperator.Kubernetes.Manifests;

/// <summary>
/// One object's JSON text while it is converted from YAML, with the YAML line and column of every value
/// written, so that a decoding error at a byte of the JSON points back at the line of the YAML.
/// Reused from object to object.
/// </summary>
internal sealed class JsonFragment
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly List<(long Offset, int Line, int Column)> _positions = [];

    public JsonFragment() => Writer = new Utf8JsonWriter(_buffer, WriterOptions);

    public Utf8JsonWriter Writer { get; }

    /// <summary>Bytes written so far, flushed or not.</summary>
    public long Offset => Writer.BytesCommitted + Writer.BytesPending;

    public ReadOnlySpan<byte> Json
    {
        get
        {
            Writer.Flush();
            return _buffer.WrittenSpan;
        }
    }

    public void Reset()
    {
        _buffer.ResetWrittenCount();
        Writer.Reset(_buffer);
        _positions.Clear();
    }

    public void Mark(long line, long column) => _positions.Add((Offset, (int)line, (int)column));

    /// <summary>The YAML place of the last value written at or before the error's byte (the JSON is one line).</summary>
    public (int Line, int Column) Locate(JsonException error) => Locate(CollectionsMarshal.AsSpan(_positions), error);

    private static (int Line, int Column) Locate(ReadOnlySpan<(long Offset, int Line, int Column)> positions, JsonException error)
    {
        var offset = error.BytePositionInLine ?? 0;
        var best = positions.Length > 0 ? (positions[0].Line, positions[0].Column) : (0, 0);
        foreach (var (at, line, column) in positions)
        {
            if (at > offset)
            {
                break;
            }

            best = (line, column);
        }

        return best;
    }

    /// <summary>A copy of the text written since <paramref name="start"/>, without the separator the writer put before it.</summary>
    public byte[] CopySince(long start)
    {
        Writer.Flush();
        var written = _buffer.WrittenSpan[(int)start..];
        return (written.Length > 0 && written[0] == (byte)',' ? written[1..] : written).ToArray();
    }

    /// <summary>A copy of the whole text, and how to place a decoding error in it, for an object decoded later or elsewhere.</summary>
    public (byte[] Json, Func<JsonException, (int Line, int Column)> Locate) Detach()
    {
        var positions = _positions.ToArray();
        return (Json.ToArray(), error => Locate(positions, error));
    }
}
