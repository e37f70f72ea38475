using System.Text.Json;

namespace LbOperator.Kubernetes.Manifests;

/// <summary>
/// The structure the reader follows: top-level values, the properties of a top-level object, and the
/// items of its <c>items</c> array. Each step reads one token and its value whole, or nothing (it is
/// retried after the next block), so its effects happen only once.
/// </summary>
internal sealed partial class JsonManifestReader
{
    private readonly List<(string? ApiVersion, SourceLocation Source, byte[] Json)> _kindless = [];
    private Where _where;
    private long _objectStart;
    private SourceLocation? _objectSource;
    private string? _apiVersion;
    private string? _kind;
    private bool _items;

    private enum Where
    {
        Top,
        InObject,
        InItems,
    }

    /// <summary>
    /// A top-level object is kept whole until its <c>items</c> start (it is then a List, or else read again
    /// from the input); everything else only from the current token on.
    /// </summary>
    private long KeepFrom => _where == Where.InObject && !_items ? _objectStart : _bufferStart + _consumed;

    private Step Next(ref Utf8JsonReader json)
    {
        if (!json.Read())
        {
            return _final ? Step.End : Step.NeedMore;
        }

        var start = Absolute(json.TokenStartIndex);
        switch (_where)
        {
            case Where.Top when json.TokenType == JsonTokenType.StartObject:
                var (line, column) = PlaceOf(start);
                (_where, _objectStart, _objectSource, _apiVersion, _kind, _items) = (Where.InObject, start, new SourceLocation(_file, line, Column: column), null, null, false);
                return Step.Done;
            case Where.Top:
                return SkipValue(ref json, start, item: false);
            case Where.InObject when json.TokenType == JsonTokenType.EndObject:
                FinishObject(Absolute(json.BytesConsumed));
                _where = Where.Top;
                return Step.Done;
            case Where.InObject:
                return ReadProperty(ref json);
            case Where.InItems when json.TokenType == JsonTokenType.EndArray:
                _where = Where.InObject;
                return Step.Done;
            case Where.InItems when json.TokenType == JsonTokenType.StartObject:
                if (!json.TrySkip())
                {
                    return Step.NeedMore;
                }

                ReadItem(start, Absolute(json.BytesConsumed));
                return Step.Done;
            default:
                return SkipValue(ref json, start, item: true);
        }
    }

    private Step SkipValue(ref Utf8JsonReader json, long start, bool item)
    {
        var note = item ? "skipped a List item that is not a mapping" : json.TokenType switch
        {
            JsonTokenType.StartArray => "skipped a document that is a sequence, not a Kubernetes object",
            JsonTokenType.Null => "skipped a null document, not a Kubernetes object",
            _ => "skipped a document that is a scalar, not a Kubernetes object",
        };
        if (!json.TrySkip())
        {
            return Step.NeedMore;
        }

        var (line, column) = PlaceOf(start);
        _sink.Note(_file, line, column, note);
        _emitted = true;
        return Step.Done;
    }

    /// <summary>One property of a top-level object: its apiVersion or kind is kept, <c>items</c> entered, anything else skipped.</summary>
    private Step ReadProperty(ref Utf8JsonReader json)
    {
        var isItems = json.ValueTextEquals("items"u8);
        var isApiVersion = json.ValueTextEquals("apiVersion"u8);
        var isKind = json.ValueTextEquals("kind"u8);
        if (!json.Read())
        {
            return Step.NeedMore;
        }

        if (isItems && json.TokenType == JsonTokenType.StartArray)
        {
            (_where, _items) = (Where.InItems, true);
        }
        else if ((isApiVersion || isKind) && json.TokenType == JsonTokenType.String)
        {
            if (isApiVersion)
            {
                _apiVersion = json.GetString();
            }
            else
            {
                _kind = json.GetString();
            }
        }
        else if (!json.TrySkip())
        {
            return Step.NeedMore;
        }

        return Step.Done;
    }

    private void ReadItem(long start, long end)
    {
        var (line, column) = PlaceOf(start);
        var source = new SourceLocation(_file, line, Column: column);
        var bytes = Slice(start, end);
        var (apiVersion, kind) = IdentityOf(bytes);
        kind ??= ManifestKinds.ItemKindOf(_kind);
        if (kind is null)
        {
            _kindless.Add((apiVersion, source, bytes.ToArray()));
            return;
        }

        Add(apiVersion ?? _apiVersion, kind, source, bytes.ToArray());
    }

    private void FinishObject(long end)
    {
        if (_items && ManifestKinds.IsList(_kind))
        {
            foreach (var (apiVersion, source, bytes) in _kindless)
            {
                Add(apiVersion ?? _apiVersion, ManifestKinds.ItemKindOf(_kind), source, bytes);
            }
        }
        else
        {
            foreach (var (apiVersion, source, bytes) in _kindless)
            {
                Add(apiVersion ?? _apiVersion, null, source, bytes);
            }

            Add(_apiVersion, _kind, _objectSource!, ManifestKinds.Find(_apiVersion, _kind) is null ? [] : ObjectText(end));
        }

        _kindless.Clear();
    }

    /// <summary>After a syntax error: the items read so far still count, as far as the list's kind is known.</summary>
    private void FinishAfterError()
    {
        foreach (var (apiVersion, source, bytes) in _kindless)
        {
            Add(apiVersion ?? _apiVersion, ManifestKinds.ItemKindOf(_kind), source, bytes);
        }
    }

    /// <summary>The whole top-level object: still in the buffer, unless it had <c>items</c> and is read again.</summary>
    private byte[] ObjectText(long end)
    {
        if (!_items)
        {
            return Slice(_objectStart, end).ToArray();
        }

        var text = new byte[end - _objectStart];
        _input.Position = _streamOrigin + _objectStart;
        _input.ReadExactly(text);
        _input.Position = _streamOrigin + _bufferStart + _length;
        return text;
    }

    private ReadOnlySpan<byte> Slice(long start, long end) => _buffer.AsSpan((int)(start - _bufferStart), (int)(end - start));
}
