using System.Diagnostics;
using System.Net.Http.Headers;

namespace LbOperator.Benchmarks.Webhook;

/// <summary>
/// Sends requests at a fixed rate whether or not earlier ones have finished (as the API server does),
/// and measures each from its scheduled send time, so a stall shows up in the tail instead of
/// silently lowering the rate.
/// </summary>
public sealed class OpenLoopLoad(HttpClient client, Func<int, byte[]> body)
{
    public async Task<LatencySummary> RunAsync(string target, Uri uri, int ratePerSecond, TimeSpan duration)
    {
        var total = (int)(ratePerSecond * duration.TotalSeconds);
        var latencies = new double[total];
        var failed = 0;
        var inFlight = new List<Task>(total);
        var interval = Stopwatch.Frequency / (double)ratePerSecond;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < total; i++)
        {
            var due = start + (long)(i * interval);
            await WaitUntilAsync(due);
            var index = i;
            inFlight.Add(Task.Run(async () =>
            {
                if (!await SendAsync(uri, body(index)))
                {
                    Interlocked.Increment(ref failed);
                    latencies[index] = double.NaN;
                    return;
                }

                latencies[index] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
            }));
        }

        await Task.WhenAll(inFlight);
        var elapsed = Stopwatch.GetElapsedTime(start);
        return LatencySummary.From(target, latencies.Where(l => !double.IsNaN(l)).ToList(), failed, elapsed);
    }

    private async Task<bool> SendAsync(Uri uri, byte[] payload)
    {
        try
        {
            using var content = new ByteArrayContent(payload);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync(uri, content);
            await response.Content.ReadAsByteArrayAsync();
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static async Task WaitUntilAsync(long due)
    {
        while (true)
        {
            var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }

            if (remaining > TimeSpan.FromMilliseconds(1.5))
            {
                await Task.Delay(1);
            }
            else
            {
                Thread.Yield();
            }
        }
    }
}
