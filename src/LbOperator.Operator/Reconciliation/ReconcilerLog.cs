using Microsoft.Extensions.Logging;

namespace LbOperator.Operator.Reconciliation;

internal static partial class ReconcilerLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Reconciled {Key}: {Findings} findings, {Events} Events to write")]
    public static partial void Reconciled(ILogger logger, string key, int findings, int events);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "{Key} is gone; its published state and metrics are removed")]
    public static partial void Removed(ILogger logger, string key);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Reconcile of {Key} failed; {Pending} Events stay pending and the key is retried")]
    public static partial void Failed(ILogger logger, Exception error, string key, int pending);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Debug, Message = "Caches not synced yet; {Key} waits")]
    public static partial void NotSynced(ILogger logger, string key);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Debug, Message = "Not leader; {Events} Events for {Key} stay pending until this replica leads")]
    public static partial void HeldBack(ILogger logger, string key, int events);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Debug, Message = "Dropped {Events} pending Events for {Key} planned more than one lease duration ago")]
    public static partial void StaleDropped(ILogger logger, string key, int events);
}
