using Microsoft.Extensions.Logging;

namespace LbOperator.Operator.Informers;

internal static partial class InformerLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Listed {Count} {Resource} in {Scope} at resourceVersion {ResourceVersion}")]
    public static partial void Listed(ILogger logger, string resource, string scope, int count, string? resourceVersion);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Restarting the {Resource} watch in {Scope}: {Reason}")]
    public static partial void WatchRestarting(ILogger logger, string resource, string scope, string reason);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "The {Resource} list/watch in {Scope} failed; retrying in {Delay}")]
    public static partial void ListWatchFailed(ILogger logger, Exception error, string resource, string scope, TimeSpan delay);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Error, Message = "A subscriber to {Resource} changes failed")]
    public static partial void SubscriberFailed(ILogger logger, Exception error, string resource);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Information, Message = "{Resource} API served: {Present}")]
    public static partial void ApiPresence(ILogger logger, string resource, bool present);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Warning, Message = "Could not check whether the {Resource} API is served")]
    public static partial void DiscoveryFailed(ILogger logger, Exception error, string resource);

    [LoggerMessage(EventId = 2107, Level = LogLevel.Information, Message = "API discovery cannot say yet whether the {Resource} API is served (503 or 429); asking again in {Delay}")]
    public static partial void DiscoveryNotYet(ILogger logger, string resource, TimeSpan delay);
}
