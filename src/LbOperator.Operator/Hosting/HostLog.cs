using Microsoft.Extensions.Logging;

namespace LbOperator.Operator.Hosting;

internal static partial class HostLog
{
    [LoggerMessage(EventId = 2501, Level = LogLevel.Information, Message = "Operator started: {Workers} workers, watching {Namespaces}, excluding {Excluded}")]
    public static partial void Started(ILogger logger, int workers, string namespaces, string excluded);

    [LoggerMessage(EventId = 2502, Level = LogLevel.Information, Message = "Stopping: finishing in-flight reconciles")]
    public static partial void Stopping(ILogger logger);

    [LoggerMessage(EventId = 2503, Level = LogLevel.Information, Message = "Stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(EventId = 2504, Level = LogLevel.Information, Message = "Connecting to {Server} ({Source})")]
    public static partial void Connecting(ILogger logger, string server, string source);
}
