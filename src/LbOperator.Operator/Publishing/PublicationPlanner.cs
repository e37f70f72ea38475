using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Operator.Changes;
using LbOperator.Runtime.Events;

namespace LbOperator.Operator.Publishing;

/// <summary>
/// Compares a fresh analysis of one object with what was last published for it and decides the new
/// published state and the Events that announce the difference. Pure: no I/O, no clock.
/// </summary>
public static class PublicationPlanner
{
    /// <summary>Shared by the states of all objects without findings, most of a cluster's Services.</summary>
    private static readonly IReadOnlyDictionary<FindingKey, PublishedFinding> NoFindings = new Dictionary<FindingKey, PublishedFinding>();

    /// <param name="before">The last published state; null when the object is seen for the first time.</param>
    /// <param name="plannedAt">When the Events are decided (stamped on them).</param>
    /// <param name="announce">False for an ignored object: its state is cleared silently.</param>
    public static PublicationPlan Plan(
        ObjectRef key, PublishedState? before, LoadBalancingConfig config, AnalysisReport report, DateTimeOffset plannedAt, bool announce = true)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(report);

        var owned = report.EntryPoints.Where(result => result.EntryPoint.Owner == key).ToArray();
        var entryPoints = new Dictionary<string, EntryPointGauges>(StringComparer.Ordinal);
        foreach (var result in owned)
        {
            entryPoints[result.EntryPoint.Name] = new EntryPointGauges(result.Skew, result.BlackholedShare);
        }

        var nodeShares = new Dictionary<string, double>(StringComparer.Ordinal);
        if (key.Kind == ObjectKind.Service)
        {
            foreach (var node in owned.SelectMany(result => result.Nodes))
            {
                nodeShares[node.Key] = node.Share;
            }
        }

        var events = new List<PlannedEvent>();
        var changes = ConfigDiff.Compare(before?.Config, config);
        if (announce && changes.Count > 0)
        {
            events.Add(new PlannedEvent(EventTypes.Normal, EventReasons.LoadBalancerConfigChanged,
                ConfigChangeMessage.Format(changes, before?.HeadlineSkew, HeadlineSkew(entryPoints)), plannedAt));
        }

        var findings = new Dictionary<FindingKey, PublishedFinding>();
        foreach (var finding in report.Findings.Where(finding => finding.Object == key))
        {
            var findingKey = new FindingKey(finding.RuleId, finding.EntryPoint);
            var previous = before?.Findings.GetValueOrDefault(findingKey);
            if (previous is not null && !NotableChange.IsNotable(previous.Announced, finding))
            {
                findings[findingKey] = new PublishedFinding(finding, previous.Announced);
                continue;
            }

            findings[findingKey] = new PublishedFinding(finding, finding);
            if (announce)
            {
                var (type, reason) = EventReasons.ForRule(finding.RuleId);
                var entryPoint = report.EntryPoints.FirstOrDefault(result => result.EntryPoint.Name == finding.EntryPoint);
                events.Add(new PlannedEvent(type, reason, FindingMessages.Announce(finding, entryPoint), plannedAt));
            }
        }

        var cleared = (before?.Findings ?? new Dictionary<FindingKey, PublishedFinding>())
            .Where(pair => !findings.ContainsKey(pair.Key) && EventReasons.ForRule(pair.Key.RuleId).Type == EventTypes.Warning)
            .OrderBy(pair => pair.Key.EntryPoint, StringComparer.Ordinal)
            .ThenBy(pair => pair.Key.RuleId, StringComparer.Ordinal)
            .Select(pair => (pair.Value.Announced, entryPoints.GetValueOrDefault(pair.Key.EntryPoint)))
            .ToArray();
        if (announce && cleared.Length > 0)
        {
            events.Add(new PlannedEvent(EventTypes.Normal, EventReasons.TrafficBalanced, FindingMessages.Cleared(cleared), plannedAt));
        }

        var state = new PublishedState(key, config, findings.Count == 0 ? NoFindings : findings, entryPoints, nodeShares);
        return new PublicationPlan(state, events, changes.Count > 0);
    }

    private static double? HeadlineSkew(Dictionary<string, EntryPointGauges> entryPoints) =>
        entryPoints.Count == 0 ? null : entryPoints.Values.Max(gauges => gauges.Skew);
}

/// <summary>The new published state of one object, the Events announcing the difference, and whether its configuration changed.</summary>
public sealed record PublicationPlan(PublishedState State, IReadOnlyList<PlannedEvent> Events, bool ConfigChanged);
