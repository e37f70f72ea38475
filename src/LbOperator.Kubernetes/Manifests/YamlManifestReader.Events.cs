using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace LbOperator.Kubernetes.Manifests;

/// <summary>Moving through the parser's events, and what the reader says when a document cannot be read.</summary>
internal sealed partial class YamlManifestReader
{
    private const string HelmHint = "run helm template first";

    private ParsingEvent Current => _parser.Current!;

    private int LineOf(Mark mark) => (int)mark.Line + _lineOffset;

    /// <summary>Moves to the next event that is not a comment, remembering a <c># Source:</c> comment between documents.</summary>
    private void Next()
    {
        while (_parser.MoveNext() && _parser.Current is Comment comment)
        {
            if (_depth == 0 && !comment.IsInline && comment.Value.StartsWith(HelmSourcePrefix, StringComparison.Ordinal)
                && comment.Value[HelmSourcePrefix.Length..].Trim() is { Length: > 0 } template)
            {
                _renderedFrom = template;
            }
        }
    }

    private T Take<T>()
        where T : ParsingEvent
    {
        if (Current is not T expected)
        {
            throw new InputError(Current.Start, $"unexpected {Current.GetType().Name}");
        }

        Next();
        return expected;
    }

    private void SkipToDocumentEnd()
    {
        while (Current is not DocumentEnd)
        {
            Next();
        }

        _depth = 0;
    }

    private string WithHint(int line, string message)
    {
        if (message.Contains("Helm template", StringComparison.Ordinal))
        {
            return $"{message}: {HelmHint}";
        }

        return _lineAt(line) is { } text && text.Contains("{{", StringComparison.Ordinal)
            ? $"{message} (an unrendered Helm template? {HelmHint})"
            : message;
    }

    /// <summary>
    /// YAML forbids tabs in indentation, but the parser notices only later and points at the start of the
    /// enclosing block; the line with the tab is the useful place to show.
    /// </summary>
    private static (int Line, int Column) TabAware(Mark mark, int lineOffset, Func<int, string?> lineAt)
    {
        var at = (int)mark.Line + lineOffset;
        for (var line = at; line <= at + 2; line++)
        {
            if (lineAt(line) is { } text && text.TrimStart(' ').StartsWith('\t'))
            {
                return (line, text.IndexOf('\t', StringComparison.Ordinal) + 1);
            }
        }

        return (at, (int)mark.Column);
    }

    /// <summary>A document that cannot be read, at the place of the offending node.</summary>
    private sealed class InputError(Mark at, string message) : Exception(message)
    {
        public Mark At { get; } = at;
    }

    /// <summary>The <c>items</c> of a top-level mapping, each an object of its own.</summary>
    private sealed class ListItems(YamlManifestReader reader, SourceLocation list)
    {
        private readonly List<(string? ApiVersion, SourceLocation Source, byte[] Json, List<(long, int, int)> Positions)> _kindless = [];

        public bool Seen { get; private set; }

        /// <summary>Reads the items; those without a kind wait for the list's kind, which kubectl prints after them.</summary>
        public void Read(string? listApiVersion, string? listKind)
        {
            Seen = true;
            reader.Next();
            while (reader.Current is not SequenceEnd)
            {
                var start = reader.Current.Start;
                var item = reader._item;
                item.Reset();
                if (reader.Current is not MappingStart)
                {
                    reader.WriteNode(item);
                    reader.Skip(start, "a List item that is not a mapping");
                    continue;
                }

                var source = list with { Line = reader.LineOf(start), Column = (int)start.Column };
                var (apiVersion, kind) = reader.WriteMapping(item, top: true, list: null);
                kind ??= ManifestKinds.ItemKindOf(listKind);
                if (kind is null)
                {
                    var (json, positions) = item.Detach();
                    _kindless.Add((apiVersion, source, json, positions));
                    continue;
                }

                reader._sink.Add(apiVersion ?? listApiVersion, kind, source, item.Json, item.Locate);
            }

            reader.Next();
        }

        /// <param name="listKind">The list's kind once known, or null when the mapping was not a List after all.</param>
        public void Finish(string? listApiVersion, string? listKind)
        {
            foreach (var (apiVersion, source, json, positions) in _kindless)
            {
                var kind = ManifestKinds.ItemKindOf(listKind);
                reader._sink.Add(apiVersion ?? listApiVersion, kind, source, json, error => JsonFragment.Locate(positions, error));
            }
        }
    }
}
