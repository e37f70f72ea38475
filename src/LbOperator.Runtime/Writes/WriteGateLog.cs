using Microsoft.Extensions.Logging;

namespace LbOperator.Runtime.Writes;

internal static partial class WriteGateLog
{
    [LoggerMessage(EventId = 2301, Level = LogLevel.Warning, Message = "API write {Operation} failed; retry {Attempt} in {Delay}")]
    public static partial void Retrying(ILogger logger, Exception? error, string operation, int attempt, TimeSpan delay);
}
