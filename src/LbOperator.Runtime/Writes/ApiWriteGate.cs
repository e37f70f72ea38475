using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace LbOperator.Runtime.Writes;

/// <summary>
/// Every API write passes, per attempt, a client-side token bucket (Qps, Burst) and a per-attempt
/// timeout; failed attempts are retried on 429, 5xx, transport errors and timeouts with jittered
/// exponential backoff, or after exactly the server's Retry-After when it sends one.
/// </summary>
public sealed class ApiWriteGate : IApiWriteGate, IDisposable
{
    private static readonly ResiliencePropertyKey<string> OperationKey = new("lb-operator.operation");

    private readonly TokenBucketRateLimiter bucket;
    private readonly ResiliencePipeline pipeline;

    public ApiWriteGate(ApiOptions options, TimeProvider time, ApiWriteMetrics metrics, ILogger logger)
    {
        bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1 / options.Qps),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(RetryableFailure.IsRetryable),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
                MaxDelay = TimeSpan.FromSeconds(30),
                DelayGenerator = args => ValueTask.FromResult(RetryableFailure.RetryAfter(args.Outcome.Exception, time.GetUtcNow())),
                OnRetry = args =>
                {
                    var operation = args.Context.Properties.GetValue(OperationKey, "unknown");
                    metrics.Retries.WithLabels(operation).Inc();
                    WriteGateLog.Retrying(logger, args.Outcome.Exception, operation, args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        pipeline = builder.AddRateLimiter(bucket).AddTimeout(options.RequestTimeout).Build();
    }

    public async Task<T> ExecuteAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(OperationKey, operation);
        try
        {
            return await pipeline.ExecuteAsync(
                static async (ctx, state) => await state(ctx.CancellationToken).ConfigureAwait(false),
                context, call).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    public void Dispose() => bucket.Dispose();
}
