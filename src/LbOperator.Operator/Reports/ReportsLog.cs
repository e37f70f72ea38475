using Microsoft.Extensions.Logging;

namespace LbOperator.Operator.Reports;

internal static partial class ReportsLog
{
    [LoggerMessage(EventId = 2601, Level = LogLevel.Information, Message = "Report API {Api} is {State}")]
    public static partial void ApiPresence(ILogger logger, string api, string state);

    [LoggerMessage(EventId = 2602, Level = LogLevel.Debug, Message = "Report {Api} {Namespace}/lb-operator: {Operation} ({Results} results)")]
    public static partial void Written(ILogger logger, string api, string @namespace, string operation, int results);

    [LoggerMessage(EventId = 2603, Level = LogLevel.Warning, Message = "Report {Api} in {Namespace} not written; retrying after {Delay}")]
    public static partial void WriteFailed(ILogger logger, Exception error, string api, string @namespace, TimeSpan delay);

    [LoggerMessage(EventId = 2604, Level = LogLevel.Warning, Message = "API discovery for report API {Api} failed; keeping the last answer")]
    public static partial void DiscoveryFailed(ILogger logger, Exception error, string api);

    [LoggerMessage(EventId = 2605, Level = LogLevel.Warning, Message = "Listing the {Api} reports failed; retrying after {Delay}. With reports disabled the chart grants no access to them: delete them with kubectl delete {Api} -A -l app.kubernetes.io/managed-by=lb-operator")]
    public static partial void ListFailed(ILogger logger, Exception error, string api, TimeSpan delay);

    [LoggerMessage(EventId = 2606, Level = LogLevel.Information, Message = "Report {Api} in {Namespace} changed or vanished meanwhile; re-reading the reports")]
    public static partial void Stale(ILogger logger, string api, string @namespace);
}
