using Microsoft.Extensions.Logging;

namespace LbOperator.Runtime.Events;

internal static partial class EventRecorderLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Event {Reason} on {Object} written ({Action}, count {Count})")]
    public static partial void Written(ILogger logger, string reason, string @object, EventAction action, int count);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "Event {Reason} on {Object} not written: {Action}")]
    public static partial void NotWritten(ILogger logger, string reason, string @object, EventAction action);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Event {EventName} on {Object} is gone from the API server; creating a new one")]
    public static partial void Gone(ILogger logger, string eventName, string @object);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Event {Reason} on {Object} dropped: the Event queue is full")]
    public static partial void Dropped(ILogger logger, string reason, string @object);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Event {Reason} on {Object} dropped after its write failed")]
    public static partial void WriteFailed(ILogger logger, Exception error, string reason, string @object);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "Leading: found {Events} Events written earlier by lb-operator, {Open} objects with findings still announced")]
    public static partial void Listed(ILogger logger, int events, int open);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "Could not list the Events lb-operator wrote earlier (is 'list' on events granted?); findings may be announced again")]
    public static partial void ListFailed(ILogger logger, Exception error);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Information, Message = "Stopped with {Events} Events not written")]
    public static partial void Abandoned(ILogger logger, int events);
}
