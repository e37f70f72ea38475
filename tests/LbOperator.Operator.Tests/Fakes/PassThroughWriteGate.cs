using LbOperator.Runtime;

namespace LbOperator.Operator.Tests.Fakes;

/// <summary>An API write gate without rate limit or retries: the call runs once, its failure surfaces.</summary>
internal sealed class PassThroughWriteGate : IApiWriteGate
{
    public List<string> Operations { get; } = [];

    public Task<T> ExecuteAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        Operations.Add(operation);
        return call(cancellationToken);
    }
}
