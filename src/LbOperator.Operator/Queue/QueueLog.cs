using Microsoft.Extensions.Logging;

namespace LbOperator.Operator.Queue;

internal static partial class QueueLog
{
    [LoggerMessage(EventId = 2201, Level = LogLevel.Debug, Message = "Reconcile of {Key} failed (attempt {Attempt}); retrying with backoff")]
    public static partial void ReconcileFailed(ILogger logger, Exception? error, string key, int attempt);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Information, Message = "Full audit of {Count} objects finished")]
    public static partial void FullAuditFinished(ILogger logger, int count);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Information, Message = "Full audit of {Count} objects started")]
    public static partial void FullAuditStarted(ILogger logger, int count);
}
