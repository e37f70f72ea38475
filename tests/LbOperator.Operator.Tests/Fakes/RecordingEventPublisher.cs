using LbOperator.Operator.Events;

namespace LbOperator.Operator.Tests.Fakes;

/// <summary>Records the Events a reconcile writes; can be told to fail the next writes.</summary>
internal sealed class RecordingEventPublisher : IEventPublisher
{
    public List<(EventTarget Target, string Type, string Reason, string Message)> Written { get; } = [];

    public int FailuresLeft { get; set; }

    public Task<PublishResult> PublishAsync(EventTarget target, string type, string reason, string message, CancellationToken cancellationToken)
    {
        if (FailuresLeft > 0)
        {
            FailuresLeft--;
            throw new HttpRequestException("API server unavailable");
        }

        Written.Add((target, type, reason, message));
        return Task.FromResult(PublishResult.Created);
    }
}
