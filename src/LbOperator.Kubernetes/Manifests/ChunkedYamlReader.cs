using System.Collections.Concurrent;
using System.Text;

namespace LbOperator.Kubernetes.Manifests;

/// <summary>
/// Reads a large YAML file on every core: the text is cut into parts of whole documents at document
/// markers (a <c>---</c> line, which YAML forbids inside content, so a cut never splits a document), the
/// parts are parsed in parallel, each with the line it starts on, and the results are kept in file order.
/// At most a few parts are in memory at a time.
/// </summary>
internal static class ChunkedYamlReader
{
    /// <summary>
    /// 64 KiB of text: under the large-object threshold, so a part is young garbage once parsed; large
    /// parts went to the large-object heap, whose budget then forced full collections.
    /// </summary>
    public const int PartChars = 1 << 15;

    public static void Read(TextReader text, string file, ManifestReadOptions options, ManifestCollector sink, Func<int, string?> lineAt)
    {
        var workers = Math.Max(1, Environment.ProcessorCount);
        using var parts = new BlockingCollection<(int Index, string Text, int LineOffset)>(workers * 2);
        var results = new ConcurrentDictionary<int, ManifestCollector>();
        var count = 0;
        var consumers = Enumerable.Range(0, workers).Select(_ => Task.Run(() =>
        {
            foreach (var (index, part, lineOffset) in parts.GetConsumingEnumerable())
            {
                var collector = new ManifestCollector(options, decodeInBackground: false);
                YamlManifestReader.Read(part, file, collector, lineAt, lineOffset);
                results[index] = collector;
            }
        })).ToArray();

        try
        {
            foreach (var (part, lineOffset) in Parts(text))
            {
                parts.Add((count++, part, lineOffset));
            }
        }
        finally
        {
            parts.CompleteAdding();
            Task.WaitAll(consumers);
        }

        for (var index = 0; index < count; index++)
        {
            sink.Append(results[index]);
        }
    }

    /// <summary>Parts of about <see cref="PartChars"/> characters, each starting at a document marker except the first.</summary>
    private static IEnumerable<(string Text, int LineOffset)> Parts(TextReader text)
    {
        var buffer = new char[PartChars];
        var pending = new StringBuilder();
        var lineOffset = 0;
        int read;
        while ((read = text.ReadBlock(buffer, 0, buffer.Length)) > 0)
        {
            pending.Append(buffer, 0, read);
            var cut = LastMarker(pending);
            if (cut > 0)
            {
                var part = pending.ToString(0, cut);
                pending.Remove(0, cut);
                yield return (part, lineOffset);
                lineOffset += part.AsSpan().Count('\n');
            }
        }

        if (pending.Length > 0)
        {
            yield return (pending.ToString(), lineOffset);
        }
    }

    /// <summary>The start of the last complete <c>---</c> marker line in the text, or -1.</summary>
    private static int LastMarker(StringBuilder text)
    {
        for (var i = text.Length - 4; i > 0; i--)
        {
            if (text[i - 1] == '\n' && text[i] == '-' && text[i + 1] == '-' && text[i + 2] == '-' && text[i + 3] is '\n' or '\r' or ' ' or '\t')
            {
                return i;
            }
        }

        return -1;
    }
}
