using System.Text.Json;

namespace LbOperator.Kubernetes.Manifests;

/// <summary>
/// Reads a JSON text (one value, a <c>kind: List</c>, or JSON lines): one pass of the reader finds each
/// object's extent, apiVersion and kind (from its first properties when they come first, as kubectl
/// prints them), then the objects are decoded in the background, straight from the text, and committed
/// in input order. Items of a typed list without a kind take the list's kind, which <c>kubectl get -o json</c>
/// prints after the items.
/// </summary>
internal sealed class JsonManifestReader
{
    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        AllowMultipleValues = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private readonly ReadOnlyMemory<byte> _text;
    private readonly string _file;
    private readonly ManifestCollector _sink;
    private readonly LineCounter _lines;
    private readonly List<Pending> _pending = [];

    private JsonManifestReader(ReadOnlyMemory<byte> text, string file, ManifestCollector sink)
    {
        _text = text;
        _file = file;
        _sink = sink;
        _lines = new LineCounter(text);
    }

    /// <summary>True when the text begins like JSON (after a byte order mark and white space).</summary>
    public static bool LooksLikeJson(ReadOnlySpan<byte> text)
    {
        var start = text.StartsWith("\uFEFF"u8) ? text[3..] : text;
        var first = start.IndexOfAnyExcept(" \t\r\n"u8);
        return first >= 0 && start[first] is (byte)'{' or (byte)'[';
    }

    /// <returns>False when the text is not JSON before its first object ended, so the caller can read it as YAML.</returns>
    public static bool TryRead(ReadOnlyMemory<byte> text, string file, ManifestCollector sink, bool mustBeJson)
    {
        var body = text.Span.StartsWith("\uFEFF"u8) ? text[3..] : text;
        var reader = new JsonManifestReader(body, file, sink);
        var json = new Utf8JsonReader(body.Span, ReaderOptions);
        try
        {
            reader.ReadValues(ref json);
        }
        catch (JsonException ex)
        {
            if (!mustBeJson && reader._pending.Count == 0 && sink.Diagnostics.Count == 0)
            {
                return false;
            }

            reader.DecodeAll();
            sink.Error(file, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1, Message(ex));
            return true;
        }

        reader.DecodeAll();
        return true;
    }

    private void ReadValues(ref Utf8JsonReader json)
    {
        while (json.Read())
        {
            var (line, column) = _lines.At(json.TokenStartIndex);
            switch (json.TokenType)
            {
                case JsonTokenType.StartObject:
                    ReadTopObject(ref json, new SourceLocation(_file, line, Column: column));
                    break;
                case JsonTokenType.StartArray:
                    json.Skip();
                    _sink.Note(_file, line, column, "skipped a document that is a sequence, not a Kubernetes object");
                    break;
                case JsonTokenType.Null:
                    _sink.Note(_file, line, column, "skipped a null document, not a Kubernetes object");
                    break;
                default:
                    _sink.Note(_file, line, column, "skipped a document that is a scalar, not a Kubernetes object");
                    break;
            }
        }
    }

    private void ReadTopObject(ref Utf8JsonReader json, SourceLocation source)
    {
        var start = json.TokenStartIndex;
        string? apiVersion = null;
        string? kind = null;
        var kindless = new List<int>();
        var items = false;
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            if (json.ValueTextEquals("items"u8) && json.Read() && json.TokenType == JsonTokenType.StartArray)
            {
                items = true;
                ReadItems(ref json, apiVersion, kind, kindless);
                continue;
            }

            ReadIdentity(ref json, ref apiVersion, ref kind);
        }

        if (items && ManifestKinds.IsList(kind))
        {
            foreach (var index in kindless)
            {
                _pending[index] = _pending[index] with { ApiVersion = _pending[index].ApiVersion ?? apiVersion, Kind = ManifestKinds.ItemKindOf(kind) };
            }

            return;
        }

        _pending.Add(new Pending(apiVersion, kind, source, start, json.BytesConsumed));
    }

    private void ReadItems(ref Utf8JsonReader json, string? listApiVersion, string? listKind, List<int> kindless)
    {
        while (json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            var (line, column) = _lines.At(json.TokenStartIndex);
            if (json.TokenType != JsonTokenType.StartObject)
            {
                json.Skip();
                _sink.Note(_file, line, column, "skipped a List item that is not a mapping");
                continue;
            }

            var start = json.TokenStartIndex;
            string? apiVersion = null;
            string? kind = null;
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                ReadIdentity(ref json, ref apiVersion, ref kind);
            }

            if (kind is null)
            {
                kindless.Add(_pending.Count);
            }

            _pending.Add(new Pending(apiVersion ?? listApiVersion, kind ?? ManifestKinds.ItemKindOf(listKind), new SourceLocation(_file, line, Column: column), start, json.BytesConsumed));
        }
    }

    /// <summary>Reads one property's value, keeping it when it is the apiVersion or kind.</summary>
    private static void ReadIdentity(ref Utf8JsonReader json, ref string? apiVersion, ref string? kind)
    {
        var isApiVersion = json.ValueTextEquals("apiVersion"u8);
        var isKind = !isApiVersion && json.ValueTextEquals("kind"u8);
        json.Read();
        if (json.TokenType == JsonTokenType.String && (isApiVersion || isKind))
        {
            if (isApiVersion)
            {
                apiVersion = json.GetString();
            }
            else
            {
                kind = json.GetString();
            }
        }
        else
        {
            json.Skip();
        }
    }

    private void DecodeAll()
    {
        foreach (var (apiVersion, kind, source, start, end) in _pending)
        {
            _sink.Add(apiVersion, kind, source, _text[(int)start..(int)end], error => (
                source.Line + (int)(error.LineNumber ?? 0),
                error.LineNumber is null or 0 ? source.Column + (int)(error.BytePositionInLine ?? 0) : (int)(error.BytePositionInLine ?? 0) + 1));
        }
    }

    private static string Message(JsonException error)
    {
        var cut = error.Message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut < 0 ? error.Message : error.Message[..cut]).Trim().TrimEnd('|').Trim();
    }

    /// <summary>An object found in the text: its identity, place and extent.</summary>
    private sealed record Pending(string? ApiVersion, string? Kind, SourceLocation Source, long Start, long End);
}
