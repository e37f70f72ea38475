using Microsoft.Extensions.Logging;

namespace LbOperator.Operator.Reconciliation;

internal static partial class ReconcilerLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Reconciled {Key}: {Findings} findings, {Events} Events handed to the recorder")]
    public static partial void Reconciled(ILogger logger, string key, int findings, int events);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "{Key} is gone; its published state and metrics are removed")]
    public static partial void Removed(ILogger logger, string key);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Debug, Message = "Caches not synced yet; {Key} waits")]
    public static partial void NotSynced(ILogger logger, string key);
}
