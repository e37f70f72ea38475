using System.Globalization;
using System.Net;
using k8s.Autorest;
using Polly.Timeout;

namespace LbOperator.Runtime.Writes;

/// <summary>Which write failures are worth another attempt, and how long the server asked us to wait.</summary>
public static class RetryableFailure
{
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(5);

    public static bool IsRetryable(Exception error) => error switch
    {
        HttpOperationException http => http.Response.StatusCode == HttpStatusCode.TooManyRequests || (int)http.Response.StatusCode >= 500,
        TimeoutRejectedException or HttpRequestException or TimeoutException => true,
        TaskCanceledException { InnerException: TimeoutException } => true,
        _ => false,
    };

    /// <summary>The Retry-After of a 429 or 5xx (seconds or an HTTP date), capped; null to use the backoff.</summary>
    public static TimeSpan? RetryAfter(Exception? error, DateTimeOffset now)
    {
        if (error is not HttpOperationException http || http.Response?.Headers is null
            || !http.Response.Headers.TryGetValue("Retry-After", out var values))
        {
            return null;
        }

        var value = values.FirstOrDefault()?.Trim();
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Min(seconds, MaxRetryAfter.TotalSeconds));
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? TimeSpan.FromTicks(Math.Clamp((date - now).Ticks, 0, MaxRetryAfter.Ticks))
            : null;
    }
}
