using LbOperator.Runtime;

namespace LbOperator.Webhook.Tests.Support;

/// <summary>A write gate without rate limit or retries: the call runs once.</summary>
public sealed class DirectWriteGate : IApiWriteGate
{
    public Task<T> ExecuteAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        call(cancellationToken);
}
