using System.Globalization;
using System.Text;

namespace LbOperator.ApiEmulator.Prometheus;

/// <summary>
/// Deterministic counter series in the OpenMetrics text format, for <c>promtool tsdb create-blocks-from
/// openmetrics</c>: each counter grows by its rate (which may change over time) every step.
/// </summary>
public sealed class OpenMetricsSeries
{
    private readonly SortedDictionary<string, List<string>> _families = new(StringComparer.Ordinal);

    public OpenMetricsSeries(DateTimeOffset from, DateTimeOffset to, TimeSpan step)
    {
        (From, To, Step) = (from, to, step);
    }

    public DateTimeOffset From { get; }

    public DateTimeOffset To { get; }

    public TimeSpan Step { get; }

    /// <param name="name">A counter name ending in <c>_total</c>.</param>
    /// <param name="ratePerSecond">The counter's rate from each sample time to the next.</param>
    public OpenMetricsSeries Counter(string name, IReadOnlyDictionary<string, string> labels, Func<DateTimeOffset, double> ratePerSecond)
    {
        if (!name.EndsWith("_total", StringComparison.Ordinal))
        {
            throw new ArgumentException("An OpenMetrics counter sample ends in _total.", nameof(name));
        }

        var family = name[..^"_total".Length];
        if (!_families.TryGetValue(family, out var lines))
        {
            _families[family] = lines = [];
        }

        var labelText = string.Join(",", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}=\"{l.Value}\""));
        var value = 0.0;
        for (var time = From; time <= To; time += Step)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{name}{{{labelText}}} {value:0.###} {time.ToUnixTimeSeconds()}"));
            value += ratePerSecond(time) * Step.TotalSeconds;
        }

        return this;
    }

    public string ToText()
    {
        var text = new StringBuilder();
        foreach (var (family, lines) in _families)
        {
            text.Append("# TYPE ").Append(family).Append(" counter\n");
            foreach (var line in lines)
            {
                text.Append(line).Append('\n');
            }
        }

        return text.Append("# EOF\n").ToString();
    }
}
