using System.Globalization;
using System.Text;

namespace LbOperator.ApiEmulator.Prometheus;

/// <summary>
/// A <c>/metrics</c> exposition (text format 0.0.4) read back as a scraper reads it: each sample's name, its
/// label values in written order (unescaped) and its value, plus the HELP and TYPE lines.
/// </summary>
public sealed class Exposition
{
    private readonly List<(string Name, string[] Labels, double Value)> _samples = [];

    private Exposition(string text)
    {
        Text = text;
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith('#'))
            {
                Comments.Add(line);
                continue;
            }

            _samples.Add(ParseSample(line));
        }
    }

    public string Text { get; }

    public List<string> Comments { get; } = [];

    public static Exposition Parse(string text) => new(text);

    /// <summary>Every series of the family named <paramref name="family"/>, as label values in the family's label order.</summary>
    public IReadOnlyList<string[]> Series(string family) =>
        _samples.Where(sample => sample.Name == family).Select(sample => sample.Labels).ToArray();

    /// <summary>The value of one series; null when the exposition has none.</summary>
    public double? Value(string family, params string[] labels)
    {
        var found = _samples.Where(sample => sample.Name == family && sample.Labels.SequenceEqual(labels)).ToArray();
        Require(found.Length <= 1, $"{family}{{{string.Join(',', labels)}}} is written {found.Length} times");
        return found.Length == 0 ? null : found[0].Value;
    }

    private static (string Name, string[] Labels, double Value) ParseSample(string line)
    {
        var at = 0;
        while (at < line.Length && line[at] is not ('{' or ' '))
        {
            at++;
        }

        var name = line[..at];
        var labels = new List<string>();
        if (line[at] == '{')
        {
            at++;
            while (line[at] != '}')
            {
                var equals = line.IndexOf("=\"", at, StringComparison.Ordinal);
                Require(equals > at, $"expected a label name then =\" in: {line}");
                at = equals + 2;
                var value = new StringBuilder();
                for (; line[at] != '"'; at++)
                {
                    if (line[at] == '\\')
                    {
                        at++;
                        value.Append(line[at] switch { 'n' => '\n', '\\' => '\\', '"' => '"', var other => throw new FormatException($"\\{other} in: {line}") });
                    }
                    else
                    {
                        value.Append(line[at]);
                    }
                }

                labels.Add(value.ToString());
                at++;
                if (line[at] == ',')
                {
                    at++;
                }
            }

            at++;
        }

        Require(line[at] == ' ', $"expected a space before the value in: {line}");
        var text = line[(at + 1)..];
        var number = text switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            "NaN" => double.NaN,
            _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
        return (name, [.. labels], number);
    }

    /// <summary>An exposition a scraper could not read fails the test that scraped it, naming what is wrong.</summary>
    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidDataException($"Malformed exposition: {problem}");
        }
    }
}
