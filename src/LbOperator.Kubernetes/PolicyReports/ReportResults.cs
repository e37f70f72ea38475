using System.Globalization;
using k8s.Models;
using LbOperator.Core.Analysis;
using LbOperator.Core.Model;

namespace LbOperator.Kubernetes.PolicyReports;

/// <summary>
/// Maps findings per audited object to report results: one result per finding (see
/// <see cref="ReportOutcomes"/>) and one <c>pass</c> per object without findings, so dashboards show
/// coverage. Pure; the order is stable (kind, name, rule, entry point), so an unchanged audit gives an
/// identical list. Timestamps are left to <see cref="ReportTimestamps"/>.
/// </summary>
public static class ReportResults
{
    public const string Source = "lb-operator";
    public const string Policy = "load-balancing";
    public const string Category = "Load Balancing";

    /// <summary>The rule of the pass result of an object with no finding: every rule passed.</summary>
    public const string AllRules = "all-rules";

    public static IReadOnlyList<ReportResult> Map(IEnumerable<AuditedFindings> audited)
    {
        ArgumentNullException.ThrowIfNull(audited);
        var results = new List<(AuditedFindings Audited, string Rule, string EntryPoint, ReportResult Result)>();
        foreach (var item in audited)
        {
            if (item.Findings.Count == 0)
            {
                results.Add((item, AllRules, "", Passed(item)));
                continue;
            }

            foreach (var finding in item.Findings)
            {
                var rule = $"{finding.RuleId}-{finding.RuleName}";
                results.Add((item, rule, finding.EntryPoint, Found(item, rule, finding)));
            }
        }

        return results
            .OrderBy(entry => entry.Audited.Object.KindName, StringComparer.Ordinal)
            .ThenBy(entry => entry.Audited.Object.Namespace, StringComparer.Ordinal)
            .ThenBy(entry => entry.Audited.Object.Name, StringComparer.Ordinal)
            .ThenBy(entry => entry.Rule, StringComparer.Ordinal)
            .ThenBy(entry => entry.EntryPoint, StringComparer.Ordinal)
            .ThenBy(entry => entry.Result.Message, StringComparer.Ordinal)
            .Select(entry => entry.Result)
            .ToArray();
    }

    private static ReportResult Passed(AuditedFindings item) => new()
    {
        Source = Source,
        Policy = Policy,
        Rule = AllRules,
        Category = Category,
        Result = ReportOutcomes.Pass,
        Message = $"{item.Object.KindName} {item.Object.Namespace}/{item.Object.Name}: no load-balancing finding.",
        Resources = [Reference(item)],
    };

    private static ReportResult Found(AuditedFindings item, string rule, Finding finding)
    {
        var properties = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["entryPoint"] = finding.EntryPoint };
        if (finding.Skew is { } skew)
        {
            properties["skew"] = Number(skew);
        }

        if (finding.BlackholedShare is { } blackholed)
        {
            properties["blackholedShare"] = Number(blackholed);
        }

        if (finding.Cause != SkewCause.None)
        {
            properties["cause"] = SkewCauseNames.Of(finding.Cause);
        }

        return new ReportResult
        {
            Source = Source,
            Policy = Policy,
            Rule = rule,
            Category = Category,
            Result = ReportOutcomes.ResultOf(finding.Severity),
            Severity = ReportOutcomes.SeverityOf(finding.Severity),
            Message = finding.Message,
            Resources = [Reference(item)],
            Properties = properties,
        };
    }

    private static V1ObjectReference Reference(AuditedFindings item) => new()
    {
        ApiVersion = item.ApiVersion,
        Kind = item.Object.KindName,
        NamespaceProperty = item.Object.Namespace,
        Name = item.Object.Name,
        Uid = item.Uid,
    };

    /// <summary>Six decimals at most, invariant: a skew of 3.0 is <c>3</c>, a third is <c>0.333333</c>.</summary>
    private static string Number(double value) => Math.Round(value, 6).ToString(CultureInfo.InvariantCulture);
}
