using LbOperator.Core.Model;
using Microsoft.Extensions.Logging;

namespace LbOperator.Operator.Reconciliation;

// The key is passed as is: the generated methods format it only when the level is enabled, so a
// reconcile does not build a string for a Debug line nobody reads.
internal static partial class ReconcilerLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Reconciled {Key}: {Findings} findings, {Events} Events handed to the recorder")]
    public static partial void Reconciled(ILogger logger, ObjectRef key, int findings, int events);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "{Key} is gone; its published state and metrics are removed")]
    public static partial void Removed(ILogger logger, ObjectRef key);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Debug, Message = "Caches not synced yet; {Key} waits")]
    public static partial void NotSynced(ILogger logger, ObjectRef key);
}
