using System.Globalization;
using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Core.Observed;
using LbOperator.Kubernetes.Manifests;

namespace LbOperator.Check.Reports;

/// <summary>
/// The report for people: one block per entry point with its largest endpoint shares, node and zone
/// totals, skew and blackholed share, then the findings attached to it, and a one-line summary.
/// Quiet: only the blocks with findings.
/// </summary>
internal sealed class TextReport(TextWriter output, bool useColour)
{
    private const int EndpointsShown = 3;

    private readonly AnsiStyle _style = new(useColour);

    private HashSet<SourceLocation> _overlaid = [];

    public void Write(CheckResult check)
    {
        var report = check.Report;
        var manifests = check.Inputs;
        // Findings by entry point name, so placing them is linear in the report's size.
        var byName = report.Findings.GroupBy(finding => finding.EntryPoint, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.ToList(), StringComparer.Ordinal);
        var blocks = new List<(EntryPointResult Result, Finding[] Findings)>(report.EntryPoints.Count);
        foreach (var result in report.EntryPoints)
        {
            Finding[] attached = [];
            if (byName.TryGetValue(result.EntryPoint.Name, out var candidates))
            {
                attached = candidates.Where(finding => BelongsTo(finding, result.EntryPoint)).ToArray();
                candidates.RemoveAll(attached.Contains);
            }

            blocks.Add((result, attached));
        }

        var unplaced = report.Findings.Where(finding => byName[finding.EntryPoint].Contains(finding)).ToList();
        _overlaid = manifests.Overlaid.Select(o => o.Winner).ToHashSet();

        // Problems first, worst first, so they are not buried among healthy entry points in a CI log.
        foreach (var (result, findings) in blocks.OrderByDescending(block => WorstSeverityRank(block.Findings)))
        {
            if (check.Settings.Quiet && findings.Length == 0)
            {
                continue;
            }

            WriteEntryPoint(result, findings, manifests, check.Observed?.For(result));
            output.WriteLine();
        }

        if (unplaced.Count > 0)
        {
            output.WriteLine(_style.Bold("Other findings"));
            WriteFindings(unplaced, owner: null);
            output.WriteLine();
        }

        WriteSummary(check);
    }

    private static int WorstSeverityRank(Finding[] findings) =>
        findings.Length == 0 ? -1 : findings.Max(finding => (int)finding.Severity);

    private static bool BelongsTo(Finding finding, EntryPoint entryPoint) =>
        finding.EntryPoint == entryPoint.Name
        && (finding.Object == entryPoint.Owner || entryPoint.Objects.Contains(finding.Object));

    private void WriteEntryPoint(EntryPointResult result, IReadOnlyList<Finding> findings, ManifestSet manifests, ObservedComparison? observed)
    {
        var entryPoint = result.EntryPoint;
        var owner = entryPoint.Owner;
        var source = manifests.SourceOf(owner);
        var header = $"{owner.KindName} {owner.Namespace}/{owner.Name}";
        var where = source is null ? "" : source.ToString() + (source.RenderedFrom is null ? "" : $" ({source.RenderedFrom})")
            + (source is not null && _overlaid.Contains(source) ? " over the cluster's copy" : "");
        output.WriteLine(_style.Bold(header) + (where.Length == 0 ? "" : "  " + _style.Dim(where)));
        var others = entryPoint.Objects.Where(o => o != owner).Select(o => o.ToString()).ToArray();
        if (others.Length > 0)
        {
            output.WriteLine($"  with {string.Join(", ", others)}");
        }

        var spread = result.EndpointsKnown || result.PoolSize > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{Count(result.PoolSize, "endpoint")}, skew {Ratio(result.Skew)}")
            : "endpoints unknown (no EndpointSlice in the input)";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  entry point {entryPoint.Name}: {spread}, blackholed {Percent(result.BlackholedShare)}"));
        if (ObservedText.Summary(observed) is { } summary)
        {
            output.WriteLine($"  {summary}");
        }

        WriteEndpoints(result, observed?.Spread);
        WriteGroups("nodes", result.Nodes);
        WriteGroups("zones", result.Zones);
        foreach (var note in result.Notes)
        {
            output.WriteLine($"  note: {note}");
        }

        WriteFindings(findings, owner);
    }

    /// <summary>With an observation every endpoint is listed, hottest observed first: the hot pod may be any of them.</summary>
    private void WriteEndpoints(EntryPointResult result, ObservedSpread? observed)
    {
        var manyServices = ManyServices(result.Endpoints);
        var rows = observed is null
            ? result.Endpoints.Take(EndpointsShown).Select(e => (Endpoint: e, Observed: ""))
            : observed.Endpoints.Select(e => (Endpoint: e.Expected, Observed: Percent(e.Share)));
        var shown = rows
            .Select(row => (Share: Percent(row.Endpoint.Share), row.Observed, Name: manyServices ? $"{row.Endpoint.Service}/{row.Endpoint.Endpoint}" : row.Endpoint.Endpoint, Place: Place(row.Endpoint.Node, row.Endpoint.Zone)))
            .ToArray();
        var width = shown.Length == 0 ? 0 : shown.Max(row => row.Name.Length);
        if (observed is not null)
        {
            output.WriteLine("    expected  observed");
        }

        foreach (var (share, observedShare, name, place) in shown)
        {
            var shares = observed is null ? $"{share,6}" : $"{share,8}  {observedShare,8}";
            output.WriteLine($"    {shares}  {name.PadRight(width)}  {place}".TrimEnd());
        }

        if (observed is null && result.Endpoints.Count > EndpointsShown)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    … {Count(result.Endpoints.Count - EndpointsShown, "more endpoint")}"));
        }
    }

    private void WriteGroups(string label, IReadOnlyList<GroupShare> groups)
    {
        if (groups.Count == 0)
        {
            return;
        }

        var parts = groups.Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {Percent(g.Share)} ({g.Endpoints})"));
        output.WriteLine($"  {label}: {string.Join(", ", parts)}");
    }

    /// <summary>Names the object a finding is attached to only when it is not the block's owner (a canary Ingress).</summary>
    private void WriteFindings(IEnumerable<Finding> findings, ObjectRef? owner)
    {
        foreach (var finding in findings)
        {
            var label = _style.Severity(finding.Severity, SeverityNames.Of(finding.Severity).PadRight(7));
            var target = finding.Object == owner ? "" : $" ({finding.Object})";
            output.WriteLine($"  {label} {finding.RuleId} {finding.RuleName}{target}: {finding.Message}");
        }
    }

    private void WriteSummary(CheckResult check)
    {
        var report = check.Report;
        int CountOf(Severity severity) => report.Findings.Count(f => f.Severity == severity);
        var errors = check.Errors.Count == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"; {Count(check.Errors.Count, "input error")}");
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{Count(report.EntryPoints.Count, "entry point")}, {Count(report.Findings.Count, "finding")}: {CountOf(Severity.Error)} error(s), {CountOf(Severity.Warning)} warning(s), {CountOf(Severity.Info)} info{errors}"));
    }

    /// <summary>Whether the endpoints come from more than one Service (a loop: this runs once per entry point).</summary>
    private static bool ManyServices(IReadOnlyList<EndpointShare> endpoints)
    {
        for (var i = 1; i < endpoints.Count; i++)
        {
            if (endpoints[i].Namespace != endpoints[0].Namespace || endpoints[i].Service != endpoints[0].Service)
            {
                return true;
            }
        }

        return false;
    }

    private static string Place(string? node, string? zone) => (string.IsNullOrEmpty(node), string.IsNullOrEmpty(zone)) switch
    {
        (false, false) => node + "  " + zone,
        (false, true) => node!,
        (true, false) => zone!,
        _ => "",
    };

    internal static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    internal static string Ratio(double value) => value.ToString("0.0#", CultureInfo.InvariantCulture);

    private static string Count(int count, string noun) => string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");
}
