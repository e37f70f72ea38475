using System.Globalization;
using LbOperator.Core.Analysis;
using LbOperator.Kubernetes.Observed;
using LbOperator.Runtime.Events;

namespace LbOperator.Operator.Observed;

/// <summary>
/// Level-based Events for LB007: compares the findings reported now with those announced, and writes
/// <c>ObservedTrafficSkewed</c> for a new finding or a new severity and <c>ObservedTrafficBalanced</c>
/// when one clears. What could not be written (not the leader, a failed write) is tried again next
/// interval. A finding dropped without a verdict (stale, or its object is gone) is forgotten silently.
/// Also announces, once per Service and query text, a Service's own query that has no <c>pod</c> label.
/// </summary>
public sealed class ObservedAnnouncer(ObservedEventSink sink)
{
    private readonly Dictionary<ObservedKey, Severity> _announced = [];
    private readonly Dictionary<(string Service, string Query), ServiceQueryProblem> _pendingInvalid = [];
    private readonly HashSet<(string Service, string Query)> _invalidAnnounced = [];

    public async Task AnnounceAsync(IReadOnlyList<Finding> reported, IReadOnlySet<ObservedKey> dropped, ObservedTracks tracks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reported);
        ArgumentNullException.ThrowIfNull(dropped);
        ArgumentNullException.ThrowIfNull(tracks);
        var current = new HashSet<ObservedKey>();
        foreach (var finding in reported)
        {
            var key = new ObservedKey(finding.Object, finding.EntryPoint);
            current.Add(key);
            if (_announced.TryGetValue(key, out var severity) && severity == finding.Severity)
            {
                continue;
            }

            if (await sink.TryPublishAsync(finding.Object, EventTypes.Warning, EventReasons.ObservedTrafficSkewed, finding.Message, cancellationToken).ConfigureAwait(false))
            {
                _announced[key] = finding.Severity;
            }
        }

        foreach (var key in _announced.Keys.Where(key => !current.Contains(key)).ToList())
        {
            if (dropped.Contains(key))
            {
                _announced.Remove(key);
                continue;
            }

            if (await sink.TryPublishAsync(key.Owner, EventTypes.Normal, EventReasons.ObservedTrafficBalanced, BalancedMessage(key, tracks), cancellationToken).ConfigureAwait(false))
            {
                _announced.Remove(key);
            }
        }
    }

    public async Task AnnounceInvalidQueriesAsync(IReadOnlyList<ServiceQueryProblem> problems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var problem in problems.Where(p => p.LacksPodLabel))
        {
            var key = (problem.Service.ToString(), problem.Query);
            if (!_invalidAnnounced.Contains(key))
            {
                _pendingInvalid[key] = problem;
            }
        }

        foreach (var (key, problem) in _pendingInvalid.ToList())
        {
            if (await sink.TryPublishAsync(problem.Service, EventTypes.Warning, EventReasons.ObservedQueryInvalid, problem.Message, cancellationToken).ConfigureAwait(false))
            {
                _pendingInvalid.Remove(key);
                _invalidAnnounced.Add(key);
            }
        }
    }

    private static string BalancedMessage(ObservedKey key, ObservedTracks tracks) =>
        tracks.SpreadOf(key) is { } spread
            ? string.Create(CultureInfo.InvariantCulture, $"{key.EntryPoint}: observed skew is back to {spread.Skew:0.0#}× its fair share (LB007 cleared)")
            : $"{key.EntryPoint}: observed traffic is no longer skewed; the entry point is idle (LB007 cleared)";
}
