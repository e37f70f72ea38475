using LbOperator.Runtime.Options;
using LbOperator.Runtime.Writes;
using Microsoft.Extensions.Configuration;

namespace LbOperator.Runtime.Tests.Options;

public sealed class DurationsTests
{
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
