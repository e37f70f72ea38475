using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace LbOperator.Kubernetes.Manifests;

/// <summary>
/// Reads the documents of one YAML text in a single streamed pass over the parser's events: each object
/// is written as JSON while it is parsed (aliases expanded, lines kept) and decoded on its last event, so
/// memory holds one object's text at a time, never the whole input. Objects of kinds the analysis does
/// not read are counted and dropped. A document with an error is reported and the next one is read; after
/// a syntax error, which the parser cannot get past, reading starts again at the next document marker.
/// </summary>
internal sealed partial class YamlManifestReader
{
    private readonly IParser _parser;
    private readonly HelmSourceComments _sourceComments;
    private readonly string _file;
    private readonly ManifestCollector _sink;
    private readonly Func<int, string?> _lineAt;
    private readonly int _lineOffset;
    private readonly Dictionary<string, byte[]> _anchors = new(StringComparer.Ordinal);
    private readonly JsonFragment _document = new();
    private readonly JsonFragment _item = new();

    private YamlManifestReader(TextReader text, string file, ManifestCollector sink, Func<int, string?> lineAt, int lineOffset)
    {
        _lineOffset = lineOffset;
        _sourceComments = new HelmSourceComments(new BomSkippingReader(text));
        _parser = new Parser(new Scanner(_sourceComments, skipComments: true));
        _file = file;
        _sink = sink;
        _lineAt = lineAt;
    }

    /// <param name="lineAt">The text of a 1-based line, read again only to explain an error.</param>
    /// <param name="lineOffset">Lines of the file before <paramref name="text"/>, when it is a part of the file.</param>
    public static void Read(string text, string file, ManifestCollector sink, Func<int, string?> lineAt, int lineOffset = 0)
    {
        while (ReadUntilSyntaxError(new StringReader(text), file, sink, lineAt, lineOffset) is { } failedAt
            && DocumentMarkers.ResumeAfterError(text, failedAt) is { } resume)
        {
            text = text[resume.Index..];
            lineOffset += resume.LinesBefore;
        }
    }

    /// <returns>The line (counted within <paramref name="text"/>) of a syntax error that ended the reading, if any.</returns>
    private static int? ReadUntilSyntaxError(TextReader text, string file, ManifestCollector sink, Func<int, string?> lineAt, int lineOffset)
    {
        var reader = new YamlManifestReader(text, file, sink, lineAt, lineOffset);
        try
        {
            reader.ReadStream();
            return null;
        }
        catch (YamlException ex)
        {
            var (line, column) = TabAware(ex.Start, lineOffset, lineAt);
            sink.Error(file, line, column, reader.WithHint(line, YamlErrors.Describe(ex)));
            return Math.Max((int)ex.Start.Line, line - lineOffset);
        }
    }

    private void ReadStream()
    {
        Next();
        Take<StreamStart>();
        while (Current is not StreamEnd)
        {
            Take<DocumentStart>();
            try
            {
                ReadRoot();
            }
            catch (InputError error)
            {
                _sink.Error(_file, LineOf(error.At), (int)error.At.Column, WithHint(LineOf(error.At), error.Message));
                SkipToDocumentEnd();
            }

            Take<DocumentEnd>();
            _anchors.Clear();
        }
    }

    private void ReadRoot()
    {
        var start = Current.Start;
        switch (Current)
        {
            case MappingStart:
                ReadTopMapping();
                break;
            case Scalar scalar:
                Next();
                if (scalar.Value.Length > 0 || scalar.Style != ScalarStyle.Plain)
                {
                    Skip(start, YamlScalars.IsNull(scalar.Value) && scalar.Style == ScalarStyle.Plain ? "a null document" : "a document that is a scalar");
                }

                break;
            case SequenceStart:
                WriteNode(_item);
                _item.Reset();
                Skip(start, "a document that is a sequence");
                break;
            default:
                WriteNode(_item);
                _item.Reset();
                Skip(start, "a document that is an alias");
                break;
        }
    }

    private void Skip(Mark at, string what) =>
        _sink.Note(_file, LineOf(at), (int)at.Column, $"skipped {what}, not a Kubernetes object");

    /// <summary>The top-level mapping: an object, or a List whose items are objects.</summary>
    private void ReadTopMapping()
    {
        var start = Current.Start;
        var source = new SourceLocation(_file, LineOf(start), _sourceComments.TemplateAbove((int)start.Line), (int)start.Column);
        var list = new ListItems(this, source);
        _document.Reset();
        var (apiVersion, kind) = WriteMapping(_document, top: true, list);
        if (list.Seen && ManifestKinds.IsList(kind))
        {
            list.Finish(apiVersion, kind);
            return;
        }

        list.Finish(null, null);
        _sink.Add(apiVersion, kind, source, _document);
    }

    /// <summary>Writes a mapping; at the top of a document it also returns its apiVersion and kind and hands <c>items</c> to the list.</summary>
    private (string? ApiVersion, string? Kind) WriteMapping(JsonFragment json, bool top, ListItems? list)
    {
        var start = Take<MappingStart>();
        json.Mark(LineOf(start.Start), start.Start.Column);
        var anchorStart = json.Offset;
        json.Writer.WriteStartObject();
        string? apiVersion = null;
        string? kind = null;
        var ownKeysFrom = _keys.Count;
        List<byte[]>? merges = null;
        while (Current is not MappingEnd)
        {
            if (AtMergeKey)
            {
                Next();
                ReadMergeSources(merges ??= []);
                continue;
            }

            var key = ReadKey();
            _keys.Add(key);
            if (top && list is not null && key == "items" && Current is SequenceStart)
            {
                list.Read(apiVersion, kind);
                continue;
            }

            json.Writer.WritePropertyName(key);
            if (top && Current is Scalar { Style: ScalarStyle.Plain or ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted } value
                && key is "apiVersion" or "kind" && value.Value.Length > 0)
            {
                (apiVersion, kind) = key == "kind" ? (apiVersion, value.Value) : (value.Value, kind);
            }

            WriteNode(json);
        }

        Next();
        if (merges is not null)
        {
            WriteMerged(json.Writer, merges, ownKeysFrom);
        }

        _keys.RemoveRange(ownKeysFrom, _keys.Count - ownKeysFrom);
        json.Writer.WriteEndObject();
        Remember(start.Anchor, json, anchorStart);
        return (apiVersion, kind);
    }

    private void WriteNode(JsonFragment json)
    {
        switch (Current)
        {
            case Scalar scalar:
                Next();
                json.Mark(LineOf(scalar.Start), scalar.Start.Column);
                var anchorStart = json.Offset;
                if (scalar.Style == ScalarStyle.Plain && scalar.Value.Contains("{{", StringComparison.Ordinal))
                {
                    throw new InputError(scalar.Start, $"unrendered Helm template expression '{scalar.Value}'");
                }

                YamlScalars.Write(json.Writer, scalar);
                Remember(scalar.Anchor, json, anchorStart);
                break;
            case MappingStart:
                WriteMapping(json, top: false, list: null);
                break;
            case SequenceStart sequence:
                Next();
                json.Mark(LineOf(sequence.Start), sequence.Start.Column);
                var sequenceStart = json.Offset;
                json.Writer.WriteStartArray();
                while (Current is not SequenceEnd)
                {
                    WriteNode(json);
                }

                Next();
                json.Writer.WriteEndArray();
                Remember(sequence.Anchor, json, sequenceStart);
                break;
            case AnchorAlias alias:
                Next();
                if (!_anchors.TryGetValue(alias.Value.Value, out var fragment))
                {
                    throw new InputError(alias.Start, $"unknown anchor *{alias.Value.Value}");
                }

                json.Mark(LineOf(alias.Start), alias.Start.Column);
                json.Writer.WriteRawValue(fragment, skipInputValidation: true);
                break;
            default:
                throw new InputError(Current.Start, $"unexpected {Current.GetType().Name}");
        }
    }
}
