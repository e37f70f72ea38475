using System.Text.Json;

namespace LbOperator.Kubernetes.Manifests;

/// <summary>
/// Reads a JSON input (one value, a <c>kind: List</c>, or JSON lines) in one streamed pass over blocks of
/// the input: each object, or each item of a List, is cut out whole as the reader passes its end, and
/// handed to the collector, which decodes it in the background. Memory holds one block and the objects
/// being decoded, never the whole text. Items of a typed list without a kind take the list's kind,
/// which <c>kubectl get -o json</c> prints after the items.
/// </summary>
internal sealed partial class JsonManifestReader
{
    public const int DefaultBlockSize = 1 << 16;

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        AllowMultipleValues = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private readonly Stream _input;
    private readonly string _file;
    private readonly ManifestCollector _sink;
    private readonly LineCounter _lines = new();
    private byte[] _buffer;
    private int _length;
    private long _bufferStart;
    private bool _final;
    private int _consumed;
    private JsonReaderState _state = new(ReaderOptions);
    private bool _emitted;
    private long _streamOrigin;

    private JsonManifestReader(Stream input, string file, ManifestCollector sink, int blockSize)
    {
        _input = input;
        _file = file;
        _sink = sink;
        _buffer = new byte[blockSize];
    }

    /// <summary>What one step of the reader did.</summary>
    private enum Step
    {
        Done,
        NeedMore,
        End,
    }

    /// <summary>True when the text begins like JSON (after a byte order mark and white space).</summary>
    public static bool LooksLikeJson(ReadOnlySpan<byte> text)
    {
        var start = text.StartsWith("\uFEFF"u8) ? text[3..] : text;
        var first = start.IndexOfAnyExcept(" \t\r\n"u8);
        return first >= 0 && start[first] is (byte)'{' or (byte)'[';
    }

    /// <param name="input">A seekable stream at the start of the text.</param>
    /// <returns>False when the text is not JSON before its first object ended, so the caller can read it as YAML.</returns>
    public static bool TryRead(Stream input, string file, ManifestCollector sink, bool mustBeJson, int blockSize = DefaultBlockSize)
    {
        var reader = new JsonManifestReader(input, file, sink, blockSize);
        try
        {
            reader.ReadAll();
        }
        catch (JsonException ex)
        {
            if (!mustBeJson && !reader._emitted)
            {
                return false;
            }

            reader.FinishAfterError();
            sink.Error(file, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1, Message(ex));
        }

        return true;
    }

    private void ReadAll()
    {
        do
        {
            Fill();
        }
        while (_length < 3 && !_final);

        if (_buffer.AsSpan(0, _length).StartsWith("\uFEFF"u8))
        {
            _buffer.AsSpan(3, _length - 3).CopyTo(_buffer);
            _length -= 3;
            _streamOrigin = 3;
        }

        while (true)
        {
            var json = new Utf8JsonReader(_buffer.AsSpan(_consumed, _length - _consumed), _final, _state);
            var step = Step.Done;
            while (step == Step.Done)
            {
                step = Next(ref json);
                if (step == Step.Done)
                {
                    _consumed += (int)json.BytesConsumed;
                    _state = json.CurrentState;
                    json = new Utf8JsonReader(_buffer.AsSpan(_consumed, _length - _consumed), _final, _state);
                }
            }

            if (step == Step.End)
            {
                return;
            }

            Fill();
        }
    }

    /// <summary>Keeps the bytes still needed at the start of the buffer and reads the next block after them.</summary>
    private void Fill()
    {
        var keep = (int)(KeepFrom - _bufferStart);
        if (keep > 0)
        {
            _lines.At(_bufferStart + keep, _buffer.AsSpan(0, _length), _bufferStart);
            _buffer.AsSpan(keep, _length - keep).CopyTo(_buffer);
            _bufferStart += keep;
            _length -= keep;
            _consumed -= keep;
        }

        if (_length == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = _input.Read(_buffer, _length, _buffer.Length - _length);
        _length += read;
        _final = read == 0;
    }

    /// <summary>The 1-based line and column of a byte the buffer still holds.</summary>
    private (int Line, int Column) PlaceOf(long offset) => _lines.At(offset, _buffer.AsSpan(0, _length), _bufferStart);

    /// <summary>The offset in the whole text of a position of the current reader.</summary>
    private long Absolute(long index) => _bufferStart + _consumed + index;

    private void Add(string? apiVersion, string? kind, SourceLocation source, byte[] json)
    {
        _emitted = true;
        _sink.Add(apiVersion, kind, source, json, error => (
            source.Line + (int)(error.LineNumber ?? 0),
            error.LineNumber is null or 0 ? source.Column + (int)(error.BytePositionInLine ?? 0) : (int)(error.BytePositionInLine ?? 0) + 1));
    }

    /// <summary>The apiVersion and kind among an object's own properties.</summary>
    private static (string? ApiVersion, string? Kind) IdentityOf(ReadOnlySpan<byte> item)
    {
        var json = new Utf8JsonReader(item, ReaderOptions);
        string? apiVersion = null;
        string? kind = null;
        json.Read();
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var isApiVersion = json.ValueTextEquals("apiVersion"u8);
            var isKind = !isApiVersion && json.ValueTextEquals("kind"u8);
            json.Read();
            if (json.TokenType == JsonTokenType.String && (isApiVersion || isKind))
            {
                (apiVersion, kind) = isApiVersion ? (json.GetString(), kind) : (apiVersion, json.GetString());
            }
            else
            {
                json.Skip();
            }
        }

        return (apiVersion, kind);
    }

    private static string Message(JsonException error)
    {
        var cut = error.Message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut < 0 ? error.Message : error.Message[..cut]).Trim().TrimEnd('|').Trim();
    }
}
