using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Core.Observed;
using LbOperator.Kubernetes.Observed;
using Microsoft.Extensions.Logging;

namespace LbOperator.Operator.Observed;

/// <summary>
/// One interval of observed-traffic monitoring: query Prometheus, analyse every entry point with the
/// core, compare, advance each entry point's LB007 state, publish the snapshot (read by the metrics)
/// and the Events. Errors are counted and logged at most once a minute; the state then holds until it
/// is stale. Runs one interval at a time.
/// </summary>
public sealed class ObservedTrafficMonitor
{
    private static readonly TimeSpan LogPeriod = TimeSpan.FromMinutes(1);

    private readonly ObservedOptions _options;
    private readonly ObservedRatesCollector _collector;
    private readonly IClusterView _view;
    private readonly TrafficAnalyzer _analyzer;
    private readonly AnalysisPolicy _policy;
    private readonly ObservedTracks _tracks;
    private readonly ObservedAnnouncer _announcer;
    private readonly ObservedSnapshot _snapshot;
    private readonly ObservedMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ObservedErrorThrottle _errors;
    private readonly ILogger _logger;
    private bool _clusterQueryReported;

    public ObservedTrafficMonitor(
        ObservedOptions options,
        ObservedRatesCollector collector,
        IClusterView view,
        AnalysisPolicy policy,
        ObservedAnnouncer announcer,
        ObservedSnapshot snapshot,
        ObservedMetrics metrics,
        TimeProvider time,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _collector = collector;
        _view = view;
        _policy = policy;
        _analyzer = new TrafficAnalyzer(policy);
        _tracks = new ObservedTracks(new ObservedTracker(options.SustainFor, options.StaleAfter));
        _announcer = announcer;
        _snapshot = snapshot;
        _metrics = metrics;
        _time = time;
        _errors = new ObservedErrorThrottle(time, LogPeriod);
        _logger = logger;
    }

    public async Task RunIntervalAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var collection = await _collector.CollectAsync(_view, now, cancellationToken).ConfigureAwait(false);
        RecordQueries(collection, now);

        var judgements = new List<ObservedTracks.Judgement>();
        foreach (var expected in _analyzer.AnalyzeAll(_view).EntryPoints)
        {
            var owner = expected.EntryPoint.Owner;
            if (ObservedJudge.IsIgnored(_view, owner) || !ObservedJudge.IsReported(_view, owner, _policy))
            {
                continue;
            }

            judgements.Add(new ObservedTracks.Judgement(expected, ObservedComparer.Compare(expected, collection.Rates), ObservedJudge.ThresholdsFor(_view, owner, _policy)));
        }

        var step = _tracks.Advance(judgements, now);
        foreach (var (key, transition) in step.Transitions)
        {
            ObservedLog.Transition(_logger, transition.ToString(), key.Owner.ToString(), key.EntryPoint);
        }

        var expired = step.Transitions.Count(t => t.Transition == ObservedTransition.Expired);
        if (expired > 0)
        {
            ObservedLog.Expired(_logger, GoDuration.Format(_options.StaleAfter), expired);
        }

        var reported = _tracks.Reported();
        _snapshot.Replace(_tracks.Spreads(), reported);
        await _announcer.AnnounceAsync(reported, step.Dropped, _tracks, cancellationToken).ConfigureAwait(false);
        await _announcer.AnnounceInvalidQueriesAsync(collection.ServiceProblems, cancellationToken).ConfigureAwait(false);
        _snapshot.Completed(now);
    }

    private void RecordQueries(ObservedCollection collection, DateTimeOffset now)
    {
        if (collection.ClusterError is { } error)
        {
            _metrics.QueryErrors.WithLabels("cluster").Inc();
            ReportFailure(error.Message);
        }
        else
        {
            _metrics.LastSuccess.Set(now.ToUnixTimeMilliseconds() / 1000.0);
        }

        if (collection.ClusterLacksPodLabel && !_clusterQueryReported)
        {
            _clusterQueryReported = true;
            ObservedLog.ClusterQueryLacksPodLabel(_logger, _options.Query);
        }

        foreach (var problem in collection.ServiceProblems.Where(p => !p.LacksPodLabel))
        {
            _metrics.QueryErrors.WithLabels("service").Inc();
            ReportFailure($"{problem.Service}: {problem.Message}");
        }
    }

    private void ReportFailure(string message)
    {
        if (_errors.Failed() is > 0 and var failures)
        {
            ObservedLog.QueryFailed(_logger, failures, message);
        }
    }
}
