using System.Globalization;
using System.Text;

namespace LbOperator.Runtime.Metrics;

/// <summary>One metric family written at scrape time: its name, HELP text, TYPE and label names.</summary>
public sealed record ScrapedFamily(string Name, string Help, string Type, params string[] LabelNames);

/// <summary>
/// Writes families in the Prometheus text format 0.0.4 straight from state at scrape time, without a
/// prometheus-net child per series: at tens of thousands of objects those children cost seconds and
/// hundreds of megabytes. A family's HELP and TYPE lines are written with its first sample, so a family
/// without series is absent, as prometheus-net leaves a labelled family without children. Samples are
/// gathered in a small chunk that <see cref="FlushIfFullAsync"/> hands to the destination asynchronously,
/// so a scrape never holds the whole exposition in memory (the response stream allows only asynchronous writes).
/// </summary>
public sealed class ExpositionWriter(TextWriter destination)
{
    private const int ChunkChars = 1 << 15;

    private readonly StringBuilder _chunk = new(ChunkChars * 2);
    private ScrapedFamily? _pending;

    public void Begin(ScrapedFamily family) => _pending = family;

    public void Sample(ScrapedFamily family, double value, params ReadOnlySpan<string> labelValues)
    {
        ArgumentNullException.ThrowIfNull(family);
        if (labelValues.Length != family.LabelNames.Length)
        {
            throw new ArgumentException($"{family.Name} has {family.LabelNames.Length} labels, got {labelValues.Length} values.", nameof(labelValues));
        }

        if (ReferenceEquals(_pending, family))
        {
            _chunk.Append("# HELP ");
            _chunk.Append(family.Name);
            _chunk.Append(' ');
            Escape(family.Help, quoted: false);
            _chunk.Append("\n# TYPE ");
            _chunk.Append(family.Name);
            _chunk.Append(' ');
            _chunk.Append(family.Type);
            _chunk.Append('\n');
            _pending = null;
        }

        _chunk.Append(family.Name);
        if (labelValues.Length > 0)
        {
            _chunk.Append('{');
            for (var i = 0; i < labelValues.Length; i++)
            {
                _chunk.Append(i == 0 ? "" : ",");
                _chunk.Append(family.LabelNames[i]);
                _chunk.Append("=\"");
                Escape(labelValues[i], quoted: true);
                _chunk.Append('"');
            }

            _chunk.Append('}');
        }

        _chunk.Append(' ');
        AppendValue(value);
        _chunk.Append('\n');
    }

    /// <summary>Hands the gathered samples to the destination once the chunk is full; call it between objects.</summary>
    public ValueTask FlushIfFullAsync(CancellationToken cancellationToken) =>
        _chunk.Length >= ChunkChars ? new(FlushAsync(cancellationToken)) : ValueTask.CompletedTask;

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await destination.WriteAsync(_chunk, cancellationToken).ConfigureAwait(false);
        _chunk.Clear();
    }

    // Formatted into the chunk, not into a string per sample: a scrape writes tens of thousands of samples.
    private void AppendValue(double value)
    {
        switch (value)
        {
            case double.PositiveInfinity:
                _chunk.Append("+Inf");
                break;
            case double.NegativeInfinity:
                _chunk.Append("-Inf");
                break;
            case double.NaN:
                _chunk.Append("NaN");
                break;
            default:
                Span<char> formatted = stackalloc char[32];
                _chunk.Append(value.TryFormat(formatted, out var length, default, CultureInfo.InvariantCulture)
                    ? formatted[..length]
                    : value.ToString(CultureInfo.InvariantCulture));
                break;
        }
    }

    /// <summary>Label values escape backslash, double quote and line feed; HELP text escapes backslash and line feed.</summary>
    private void Escape(string text, bool quoted)
    {
        if (text.AsSpan().IndexOfAny('\\', '"', '\n') < 0)
        {
            _chunk.Append(text);
            return;
        }

        foreach (var c in text)
        {
            switch (c)
            {
                case '\\':
                    _chunk.Append(@"\\");
                    break;
                case '\n':
                    _chunk.Append(@"\n");
                    break;
                case '"' when quoted:
                    _chunk.Append("\\\"");
                    break;
                default:
                    _chunk.Append(c);
                    break;
            }
        }
    }
}
