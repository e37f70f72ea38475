using System.Globalization;

namespace LbOperator.Operator.Metrics;

/// <summary>One metric family written at scrape time: its name, HELP text, TYPE and label names.</summary>
public sealed record ScrapedFamily(string Name, string Help, string Type, params string[] LabelNames);

/// <summary>
/// Writes families in the Prometheus text format 0.0.4 straight from state at scrape time, without a
/// prometheus-net child per series: at tens of thousands of objects those children cost seconds and
/// hundreds of megabytes. A family's HELP and TYPE lines are written with its first sample, so a family
/// without series is absent, as prometheus-net leaves a labelled family without children.
/// </summary>
public sealed class ExpositionWriter(TextWriter output)
{
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
            output.Write("# HELP ");
            output.Write(family.Name);
            output.Write(' ');
            Escape(family.Help, quoted: false);
            output.Write("\n# TYPE ");
            output.Write(family.Name);
            output.Write(' ');
            output.Write(family.Type);
            output.Write('\n');
            _pending = null;
        }

        output.Write(family.Name);
        if (labelValues.Length > 0)
        {
            output.Write('{');
            for (var i = 0; i < labelValues.Length; i++)
            {
                output.Write(i == 0 ? "" : ",");
                output.Write(family.LabelNames[i]);
                output.Write("=\"");
                Escape(labelValues[i], quoted: true);
                output.Write('"');
            }

            output.Write('}');
        }

        output.Write(' ');
        output.Write(Format(value));
        output.Write('\n');
    }

    private static string Format(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Label values escape backslash, double quote and line feed; HELP text escapes backslash and line feed.</summary>
    private void Escape(string text, bool quoted)
    {
        if (text.AsSpan().IndexOfAny('\\', '"', '\n') < 0)
        {
            output.Write(text);
            return;
        }

        foreach (var c in text)
        {
            switch (c)
            {
                case '\\':
                    output.Write(@"\\");
                    break;
                case '\n':
                    output.Write(@"\n");
                    break;
                case '"' when quoted:
                    output.Write("\\\"");
                    break;
                default:
                    output.Write(c);
                    break;
            }
        }
    }
}
