using LbOperator.Runtime.Options;
using LbOperator.Runtime.Writes;
using Microsoft.Extensions.Configuration;

namespace LbOperator.Runtime.Tests.Options;

public sealed class DurationsTests
{
    [Theory]
    [InlineData("10m", 600_000)]
    [InlineData("15s", 15_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("1.5h", 5_400_000)]
    [InlineData("500ms", 500)]
    [InlineData("2m30s", 150_000)]
    [InlineData("00:10:00", 600_000)]
    [InlineData("1.00:00:00", 86_400_000)]
    [InlineData("00:00:00.200", 200)]
    public void Go_and_dotnet_durations_read_the_same(string text, double milliseconds)
    {
        Assert.True(Durations.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("10 minutes")]
    [InlineData("m10")]
    [InlineData("-5s")]
    [InlineData("1d")]
    public void Anything_else_is_not_a_duration(string text) => Assert.False(Durations.TryParse(text, out _));

    [Fact]
    public void Configuration_binding_reads_go_durations_into_the_options()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LbOperator:Period"] = "1h30m",
            ["LbOperator:Nested:RequestTimeout"] = "15s",
        }).Build();

        var options = OptionsBinding.BindNow<SampleOptions>(configuration.GetSection("LbOperator"));

        Assert.Equal((TimeSpan.FromMinutes(90), TimeSpan.FromSeconds(15)), (options.Period, options.Nested.RequestTimeout));
    }

    [Fact]
    public void A_value_that_does_not_convert_is_a_validation_failure_naming_the_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["LbOperator:Period"] = "10 minutes" }).Build();

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => OptionsBinding.BindNow<SampleOptions>(configuration.GetSection("LbOperator")));

        var failure = Assert.Single(error.Failures);
        Assert.Contains("LbOperator:Period", failure, StringComparison.Ordinal);
        Assert.Contains("'10 minutes' is not a duration", failure, StringComparison.Ordinal);
    }

    /// <summary>Options shaped like ours: a duration at the top and one in a nested section.</summary>
    public sealed class SampleOptions
    {
        public TimeSpan Period { get; set; }

        public ApiOptions Nested { get; set; } = new();
    }
}
