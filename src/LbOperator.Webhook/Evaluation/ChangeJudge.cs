using LbOperator.Core.Analysis;
using LbOperator.Core.Model;

namespace LbOperator.Webhook.Evaluation;

/// <summary>
/// Decides which findings a change is to blame for. Only an error the object's own settings cause
/// (LB001 above the max skew with a named cause, or LB003) can block, and only when the change
/// introduces it or makes the skew worse than the stored object did: a fix is never rejected.
/// State outside the object — pods not there yet, a missing backend, endpoints not ready — never blocks.
/// </summary>
public static class ChangeJudge
{
    private const double SkewTolerance = 1e-9;

    public static Verdict Judge(ObjectRef target, ObjectEvaluation current, ObjectEvaluation? previous)
    {
        var blocking = new List<Finding>();
        var advisory = new List<Finding>();
        foreach (var finding in current.Findings)
        {
            if (IsCausedBySettings(target, finding) && IsNewOrWorse(finding, previous))
            {
                blocking.Add(finding);
            }
            else if (finding.Severity >= Severity.Warning)
            {
                advisory.Add(finding);
            }
        }

        return new Verdict(blocking, advisory);
    }

    private static bool IsCausedBySettings(ObjectRef target, Finding finding)
    {
        if (finding.Severity != Severity.Error || finding.Object != target)
        {
            return false;
        }

        return finding.RuleId == Rules.InvalidWeights.Id
            || (finding.RuleId == Rules.TrafficSkew.Id && finding.Cause != SkewCause.None);
    }

    private static bool IsNewOrWorse(Finding finding, ObjectEvaluation? previous)
    {
        var before = previous?.Findings.FirstOrDefault(f =>
            f.RuleId == finding.RuleId
            && f.Severity == Severity.Error
            && f.Object == finding.Object
            && f.EntryPoint == finding.EntryPoint);
        if (before is null)
        {
            return true;
        }

        return finding.RuleId == Rules.TrafficSkew.Id
            && (finding.Skew ?? 0) > (before.Skew ?? 0) + SkewTolerance;
    }
}
