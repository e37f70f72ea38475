namespace LbOperator.Runtime;

/// <summary>
/// Every write to the API server (Events, Leases) goes through here: a client-side token bucket, then
/// retries with jittered backoff on 429, 5xx and timeouts that honour Retry-After.
/// </summary>
public interface IApiWriteGate
{
    Task<T> ExecuteAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken);
}
