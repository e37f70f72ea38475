using System.ComponentModel;
using System.Globalization;
using LbOperator.Kubernetes.Observed;

namespace LbOperator.Runtime.Options;

/// <summary>
/// Durations as Kubernetes and Go write them (<c>10m</c>, <c>15s</c>, <c>1h30m</c>, <c>500ms</c>) as well as
/// .NET's <c>[d.]hh:mm:ss[.fff]</c>, in settings files, environment variables, flags and chart values alike.
/// </summary>
public static class Durations
{
    private static readonly Lazy<bool> Registration = new(() =>
    {
        TypeDescriptor.AddAttributes(typeof(TimeSpan), new TypeConverterAttribute(typeof(DurationConverter)));
        return true;
    });

    /// <summary>Makes configuration binding read every <see cref="TimeSpan"/> through <see cref="GoDuration.TryParse"/>; idempotent.</summary>
    public static void UseForConfiguration() => _ = Registration.Value;

    private sealed class DurationConverter : TimeSpanConverter
    {
        public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
            value is string text
                ? GoDuration.TryParse(text, out var duration) ? duration : throw new FormatException($"'{text}' is not a duration; write it like 10m, 15s, 1h30m or 00:10:00.")
                : base.ConvertFrom(context, culture, value);
    }
}
