using LbOperator.Kubernetes.Observed;
using Microsoft.Extensions.Options;

namespace LbOperator.Operator.Observed;

/// <summary>Checks <see cref="ObservedOptions"/> at start, naming each bad key, what it must be and what it was.</summary>
public sealed class ObservedOptionsValidator : IValidateOptions<ObservedOptions>
{
    public ValidateOptionsResult Validate(string? name, ObservedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        void Require(bool condition, string message)
        {
            if (!condition)
            {
                failures.Add(message);
            }
        }

        const string S = ObservedOptions.SectionName;
        if (options.Enabled)
        {
            Require(Uri.TryCreate(options.PrometheusUrl.Trim(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https",
                $"{S}:PrometheusUrl must be an absolute http(s) URL (got '{options.PrometheusUrl}').");
        }

        Require(GoDuration.TryParse(options.Interval, out var interval) && interval >= TimeSpan.FromSeconds(1),
            $"{S}:Interval must be a duration of at least 1s, such as 1m or 00:01:00 (got '{options.Interval}').");
        Require(GoDuration.TryParse(options.Window, out var window) && window >= TimeSpan.FromSeconds(1),
            $"{S}:Window must be a duration of at least 1s, such as 5m or 00:05:00 (got '{options.Window}').");
        Require(!string.IsNullOrWhiteSpace(options.Query), $"{S}:Query must not be empty.");
        Require(options.MinRate is null || (double.IsFinite(options.MinRate.Value) && options.MinRate >= 0),
            $"{S}:MinRate must not be negative (got {options.MinRate}).");
        Require(options.SustainFor >= 1, $"{S}:SustainFor must be at least 1 (got {options.SustainFor}).");
        Require(options.MaxQueriesPerInterval >= 0, $"{S}:MaxQueriesPerInterval must not be negative (got {options.MaxQueriesPerInterval}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
