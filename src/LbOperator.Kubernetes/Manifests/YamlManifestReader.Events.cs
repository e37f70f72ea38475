using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace LbOperator.Kubernetes.Manifests;

/// <summary>Moving through the parser's events, and what the reader says when a document cannot be read.</summary>
internal sealed partial class YamlManifestReader
{
    private const string HelmHint = "run helm template first";

    private ParsingEvent Current => _parser.Current!;

    private int LineOf(Mark mark) => (int)mark.Line + _lineOffset;

    private void Next() => _parser.MoveNext();

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

    /// <summary>Anchors live for the whole document, so an alias in one List item can use an anchor of another, as kubectl allows.</summary>
    private void Remember(AnchorName anchor, JsonFragment json, long start)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = json.CopySince(start);
        }
    }

    private string ReadKey()
    {
        if (Current is Scalar key)
        {
            Next();
            if (key.Style == ScalarStyle.Plain && key.Value.Contains("{{", StringComparison.Ordinal))
            {
                throw new InputError(key.Start, $"unrendered Helm template expression '{key.Value}'");
            }

            return key.Value;
        }

        throw new InputError(Current.Start, Current is MappingStart ? "a mapping cannot be a key (an unrendered Helm template expression?)" : "only a plain value can be a key");
    }
}
