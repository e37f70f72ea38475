using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;

namespace LbOperator.Operator.Options;

/// <summary>
/// Durations as Kubernetes and Go write them (<c>10m</c>, <c>15s</c>, <c>1h30m</c>, <c>500ms</c>) as well as
/// .NET's <c>[d.]hh:mm:ss[.fff]</c>, in settings files, environment variables, flags and chart values alike.
/// </summary>
public static partial class Durations
{
    private static readonly Lazy<bool> Registration = new(() =>
    {
        TypeDescriptor.AddAttributes(typeof(TimeSpan), new TypeConverterAttribute(typeof(DurationConverter)));
        return true;
    });

    /// <summary>Makes configuration binding read every <see cref="TimeSpan"/> through <see cref="TryParse"/>; idempotent.</summary>
    public static void UseForConfiguration() => _ = Registration.Value;

    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (text.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);
        }

        if (!GoDuration().IsMatch(text))
        {
            return false;
        }

        var total = 0.0;
        foreach (Match part in GoPart().Matches(text))
        {
            var amount = double.Parse(part.Groups["amount"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            total += amount * part.Groups["unit"].Value switch
            {
                "h" => 3_600_000,
                "m" => 60_000,
                "s" => 1_000,
                "ms" => 1,
                "us" or "µs" => 0.001,
                _ => 0.000_001,
            };
        }

        value = TimeSpan.FromMilliseconds(total);
        return true;
    }

    [GeneratedRegex(@"^(\d+(\.\d+)?(h|ms|m|s|us|µs|ns))+$", RegexOptions.CultureInvariant)]
    private static partial Regex GoDuration();

    [GeneratedRegex(@"(?<amount>\d+(\.\d+)?)(?<unit>h|ms|m|s|us|µs|ns)", RegexOptions.CultureInvariant)]
    private static partial Regex GoPart();

    private sealed class DurationConverter : TimeSpanConverter
    {
        public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
            value is string text
                ? TryParse(text, out var duration) ? duration : throw new FormatException($"'{text}' is not a duration; write it like 10m, 15s, 1h30m or 00:10:00.")
                : base.ConvertFrom(context, culture, value);
    }
}
