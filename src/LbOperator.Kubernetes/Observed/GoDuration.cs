using System.Globalization;
using System.Text;

namespace LbOperator.Kubernetes.Observed;

/// <summary>
/// Durations as Prometheus and Go write them (<c>1m</c>, <c>5m</c>, <c>1h30m</c>, <c>500ms</c>), with
/// .NET's <c>00:01:00</c> accepted as well so settings read the same in either style.
/// </summary>
public static class GoDuration
{
    private static readonly (string Unit, TimeSpan Size)[] Units =
    [
        ("h", TimeSpan.FromHours(1)),
        ("ms", TimeSpan.FromMilliseconds(1)),
        ("m", TimeSpan.FromMinutes(1)),
        ("s", TimeSpan.FromSeconds(1)),
    ];

    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        var input = text?.Trim() ?? "";
        if (input.Length == 0)
        {
            return false;
        }

        if (input.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(input, CultureInfo.InvariantCulture, out value);
        }

        var position = 0;
        var total = TimeSpan.Zero;
        while (position < input.Length)
        {
            var start = position;
            while (position < input.Length && (char.IsAsciiDigit(input[position]) || input[position] == '.'))
            {
                position++;
            }

            if (position == start || !double.TryParse(input.AsSpan(start, position - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            // "ms" is listed before "m" so that it wins.
            var unit = Array.FindIndex(Units, u => input.AsSpan(position).StartsWith(u.Unit, StringComparison.Ordinal));
            if (unit < 0)
            {
                return false;
            }

            total += Units[unit].Size * number;
            position += Units[unit].Unit.Length;
        }

        value = total;
        return true;
    }

    /// <summary>90 s → "1m30s"; what PromQL range selectors accept.</summary>
    public static string Format(TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            return "0s";
        }

        var text = new StringBuilder();
        var rest = value;
        foreach (var (unit, size) in new[] { ("h", TimeSpan.FromHours(1)), ("m", TimeSpan.FromMinutes(1)), ("s", TimeSpan.FromSeconds(1)), ("ms", TimeSpan.FromMilliseconds(1)) })
        {
            var count = (long)(rest.Ticks / size.Ticks);
            if (count > 0)
            {
                text.Append(count.ToString(CultureInfo.InvariantCulture)).Append(unit);
                rest -= size * count;
            }
        }

        return text.Length == 0 ? "0s" : text.ToString();
    }
}
