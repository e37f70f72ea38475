namespace LbOperator.Operator.Events;

/// <summary>Writes Events about audited objects, aggregating repeats the way client-go's recorder does.</summary>
public interface IEventPublisher
{
    Task<PublishResult> PublishAsync(EventTarget target, string type, string reason, string message, CancellationToken cancellationToken);
}
