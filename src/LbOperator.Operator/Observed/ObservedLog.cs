using Microsoft.Extensions.Logging;

namespace LbOperator.Operator.Observed;

internal static partial class ObservedLog
{
    [LoggerMessage(EventId = 2801, Level = LogLevel.Information, Message = "Observed traffic: querying {PrometheusUrl} every {Interval} (window {Window}, sustain {SustainFor} intervals)")]
    public static partial void Started(ILogger logger, string prometheusUrl, string interval, string window, int sustainFor);

    [LoggerMessage(EventId = 2802, Level = LogLevel.Warning, Message = "Observed-traffic query failed ({Failures} failures since the last report): {Error}")]
    public static partial void QueryFailed(ILogger logger, int failures, string error);

    [LoggerMessage(EventId = 2803, Level = LogLevel.Error, Message = "The cluster-wide observed-traffic query returned series without a 'pod' label, so nothing can be matched to endpoints; fix LbOperator:Observed:Query: {Query}")]
    public static partial void ClusterQueryLacksPodLabel(ILogger logger, string query);

    [LoggerMessage(EventId = 2804, Level = LogLevel.Warning, Message = "Observed traffic: Prometheus has not answered for {Stale}; {Count} observed finding(s) are stale and cleared")]
    public static partial void Expired(ILogger logger, string stale, int count);

    [LoggerMessage(EventId = 2805, Level = LogLevel.Information, Message = "Observed traffic: {Transition} LB007 on {Object} entry point {EntryPoint}")]
    public static partial void Transition(ILogger logger, string transition, string @object, string entryPoint);

    [LoggerMessage(EventId = 2807, Level = LogLevel.Error, Message = "Observed traffic: the interval failed; the next one runs as planned")]
    public static partial void IntervalFailed(ILogger logger, Exception error);

    [LoggerMessage(EventId = 2806, Level = LogLevel.Warning, Message = "Observed traffic: writing the {Reason} Event on {Object} failed; retrying next interval")]
    public static partial void EventFailed(ILogger logger, Exception error, string reason, string @object);
}
