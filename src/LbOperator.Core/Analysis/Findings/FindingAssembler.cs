using System.Globalization;
using LbOperator.Core.Analysis.Building;
using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.Findings;

/// <summary>
/// Turns a built entry point into findings: LB001 from its skew against the thresholds of the object
/// carrying the cause, LB002 per object that sends traffic into a blackhole, and the rules decided
/// while building. Findings on ignored objects, or on objects other than <c>only</c>, are dropped.
/// </summary>
internal static class FindingAssembler
{
    public static void Collect(EntryPointDraft draft, EntryPointResult result, AnalysisContext context, ObjectRef? only, List<Finding> findings)
    {
        var name = draft.EntryPoint.Name;
        AddSkew(draft, result, context, only, findings);
        AddBlackholes(draft, context, only, findings);
        foreach (var pending in draft.Findings)
        {
            if (Wanted(pending.Rule.Id, pending.Object, context, only))
            {
                findings.Add(new Finding(pending.Rule.Id, pending.Rule.Name, pending.Rule.DefaultSeverity, pending.Object, name, pending.Message));
            }
        }
    }

    private static void AddSkew(EntryPointDraft draft, EntryPointResult result, AnalysisContext context, ObjectRef? only, List<Finding> findings)
    {
        var target = draft.Skew?.Object ?? draft.EntryPoint.Owner;
        if (result.PoolSize == 0 || !Wanted(Rules.TrafficSkew.Id, target, context, only))
        {
            return;
        }

        var thresholds = ThresholdOverrides.Apply(context.Policy, context.AnnotationsOf(target), target, problems: null);
        Severity severity;
        double limit;
        if (result.Skew > thresholds.MaxSkew)
        {
            (severity, limit) = (Severity.Error, thresholds.MaxSkew);
        }
        else if (result.Skew > thresholds.WarnSkew)
        {
            (severity, limit) = (Severity.Warning, thresholds.WarnSkew);
        }
        else
        {
            return;
        }

        var top = result.Endpoints[0];
        var where = top.Node is null ? string.Empty : " on " + top.Node;
        var cause = draft.Skew?.Detail ?? "uneven spread over the endpoints";
        var fix = draft.Skew?.Fix ?? "even out the endpoints behind this entry point";
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"{draft.EntryPoint.Name}: {MessageText.Percent(top.Share)} of traffic goes to {top.Endpoint}{where}, {MessageText.Ratio(result.Skew)}× its fair share of {MessageText.Percent(1.0 / result.PoolSize)} (limit {MessageText.Ratio(limit)}). Cause: {cause}. Fix: {fix}.");
        var rule = Rules.TrafficSkew;
        findings.Add(new Finding(rule.Id, rule.Name, severity, target, draft.EntryPoint.Name, message, Skew: result.Skew, Cause: result.Cause));
    }

    private static void AddBlackholes(EntryPointDraft draft, AnalysisContext context, ObjectRef? only, List<Finding> findings)
    {
        if (draft.Blackholes.Count == 0)
        {
            return;
        }

        var byObject = new List<(ObjectRef Object, List<BlackholeCause> Causes)>();
        foreach (var blackhole in draft.Blackholes)
        {
            var group = byObject.Find(g => g.Object == blackhole.Object);
            if (group.Causes is null)
            {
                group = (blackhole.Object, []);
                byObject.Add(group);
            }

            group.Causes.Add(blackhole);
        }

        var rule = Rules.TrafficBlackholed;
        foreach (var (target, causes) in byObject)
        {
            if (!Wanted(rule.Id, target, context, only))
            {
                continue;
            }

            var share = Math.Round(causes.Sum(c => c.Share), 9);
            var reasons = string.Join("; ", causes.ConvertAll(c => c.Reason));
            var fixes = string.Join("; ", causes.ConvertAll(c => c.Fix).Distinct(StringComparer.Ordinal));
            var message = string.Create(
                CultureInfo.InvariantCulture,
                $"{draft.EntryPoint.Name}: {MessageText.Percent(share)} of traffic is blackholed: {reasons}. Fix: {fixes}.");
            findings.Add(new Finding(rule.Id, rule.Name, rule.DefaultSeverity, target, draft.EntryPoint.Name, message, BlackholedShare: share));
        }
    }

    /// <summary>Not ignored by the policy, by <c>lb-operator.io/ignore</c>, or by <c>lb-operator.io/ignore-rules</c> on the object carrying it.</summary>
    private static bool Wanted(string ruleId, ObjectRef target, AnalysisContext context, ObjectRef? only) =>
        (only is null || only == target)
        && !context.Policy.Ignores(ruleId)
        && !context.IsIgnored(target)
        && !ObjectAnnotations.IgnoresRule(context.AnnotationsOf(target), ruleId);
}
