using LbOperator.Kubernetes.Observed;

namespace LbOperator.Kubernetes.Tests.Observed;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData("1m", 60)]
    [InlineData("5m", 300)]
    [InlineData("30s", 30)]
    [InlineData("1h30m", 5400)]
    [InlineData("1.5m", 90)]
    [InlineData("500ms", 0.5)]
    [InlineData("2m500ms", 120.5)]
    [InlineData("00:01:00", 60)]
    [InlineData(" 00:05:00 ", 300)]
    [InlineData("1.00:00:00", 86400)]
    [InlineData("1.5h", 5400)]
    [InlineData("2m30s", 150)]
    [InlineData("00:00:00.200", 0.2)]
    public void Go_and_dotnet_durations_parse(string text, double seconds)
    {
        Assert.True(GoDuration.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromSeconds(seconds), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("5")]
    [InlineData("m")]
    [InlineData("5x")]
    [InlineData("-1m")]
    [InlineData("1m 30s")]
    [InlineData("10 minutes")]
    [InlineData("m10")]
    [InlineData("1d")]
    public void Anything_else_does_not(string? text)
    {
        Assert.False(GoDuration.TryParse(text, out _));
    }

    [Theory]
    [InlineData(300, "5m")]
    [InlineData(90, "1m30s")]
    [InlineData(3600, "1h")]
    [InlineData(0.25, "250ms")]
    [InlineData(0, "0s")]
    public void Durations_format_as_promql_ranges(double seconds, string expected)
    {
        Assert.Equal(expected, GoDuration.Format(TimeSpan.FromSeconds(seconds)));
    }
}
