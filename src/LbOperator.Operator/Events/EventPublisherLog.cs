using Microsoft.Extensions.Logging;

namespace LbOperator.Operator.Events;

internal static partial class EventPublisherLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Event {Reason} on {Object} written ({Result}, count {Count})")]
    public static partial void EventWritten(ILogger logger, string reason, string @object, PublishResult result, int count);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "Event {Reason} on {Object} not written: {Result}")]
    public static partial void EventSkipped(ILogger logger, string reason, string @object, PublishResult result);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Event {EventName} on {Object} is gone from the API server; creating a new one")]
    public static partial void EventGone(ILogger logger, string eventName, string @object);
}
