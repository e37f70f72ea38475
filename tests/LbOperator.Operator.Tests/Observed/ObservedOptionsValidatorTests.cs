using LbOperator.Operator.Observed;

namespace LbOperator.Operator.Tests.Observed;

public sealed class ObservedOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid_and_off()
    {
        var options = new ObservedOptions();

        Assert.True(new ObservedOptionsValidator().Validate(null, options).Succeeded);
        Assert.False(options.Enabled);
        Assert.Equal((TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(3)), (options.IntervalValue, options.WindowValue, options.StaleAfter));
    }

    [Theory]
    [InlineData("PrometheusUrl", "prometheus:9090", "LbOperator:Observed:PrometheusUrl must be an absolute http(s) URL (got 'prometheus:9090').")]
    [InlineData("PrometheusUrl", "ftp://prometheus", "LbOperator:Observed:PrometheusUrl must be an absolute http(s) URL (got 'ftp://prometheus').")]
    [InlineData("Interval", "soon", "LbOperator:Observed:Interval must be a duration of at least 1s, such as 1m or 00:01:00 (got 'soon').")]
    [InlineData("Interval", "500ms", "LbOperator:Observed:Interval must be a duration of at least 1s, such as 1m or 00:01:00 (got '500ms').")]
    [InlineData("Window", "0s", "LbOperator:Observed:Window must be a duration of at least 1s, such as 5m or 00:05:00 (got '0s').")]
    [InlineData("Query", " ", "LbOperator:Observed:Query must not be empty.")]
    [InlineData("MinRate", "-1", "LbOperator:Observed:MinRate must not be negative (got -1).")]
    [InlineData("SustainFor", "0", "LbOperator:Observed:SustainFor must be at least 1 (got 0).")]
    [InlineData("MaxQueriesPerInterval", "-1", "LbOperator:Observed:MaxQueriesPerInterval must not be negative (got -1).")]
    public void A_bad_value_is_named_with_what_it_must_be_and_what_it_was(string key, string value, string message)
    {
        var options = new ObservedOptions { PrometheusUrl = "http://prometheus:9090" };
        var property = typeof(ObservedOptions).GetProperty(key)!;
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        property.SetValue(options, Convert.ChangeType(value, type, System.Globalization.CultureInfo.InvariantCulture));

        var result = new ObservedOptionsValidator().Validate(null, options);

        Assert.Equal([message], result.Failures);
    }

    [Theory]
    [InlineData("1m", "5m")]
    [InlineData("00:00:30", "00:02:00")]
    [InlineData("90s", "1h")]
    public void Go_and_dotnet_durations_are_both_accepted(string interval, string window)
    {
        var options = new ObservedOptions { PrometheusUrl = "https://prometheus.example.com/prom/", Interval = interval, Window = window };

        Assert.True(new ObservedOptionsValidator().Validate(null, options).Succeeded);
    }
}
