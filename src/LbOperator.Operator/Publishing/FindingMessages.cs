using System.Globalization;
using System.Text;
using LbOperator.Core.Analysis;
using LbOperator.Operator.Changes;

namespace LbOperator.Operator.Publishing;

/// <summary>The text of finding Events.</summary>
public static class FindingMessages
{
    private const int HottestShown = 3;

    /// <summary>
    /// The core's message (skew, cause and fix); for a skew, followed by the hottest endpoints and their
    /// nodes, which <c>kubectl describe</c> readers need to find the hot spot.
    /// </summary>
    public static string Announce(Finding finding, EntryPointResult? entryPoint)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (finding.RuleId != Rules.TrafficSkew.Id || entryPoint is null || entryPoint.Endpoints.Count == 0)
        {
            return finding.Message;
        }

        var hottest = entryPoint.Endpoints.Take(HottestShown).Select(endpoint =>
            string.Create(CultureInfo.InvariantCulture, $"{endpoint.Endpoint} on {endpoint.Node ?? "unknown node"} ({endpoint.Share * 100:0.#}%)"));
        return $"{finding.Message} Hottest endpoints: {string.Join(", ", hottest)}.";
    }

    /// <summary>What cleared, per entry point, with the skew then and now for a skew.</summary>
    public static string Cleared(IEnumerable<(Finding Announced, EntryPointGauges? Now)> cleared)
    {
        var text = new StringBuilder("Resolved: ");
        var first = true;
        foreach (var (announced, now) in cleared)
        {
            if (!first)
            {
                text.Append("; ");
            }

            first = false;
            text.Append(announced.EntryPoint).Append(": ").Append(announced.RuleName).Append(" (").Append(announced.RuleId).Append(") is gone");
            if (announced.Skew is { } skew)
            {
                text.Append(", skew ").Append(ConfigChangeMessage.FormatSkew(skew)).Append(" → ").Append(ConfigChangeMessage.FormatSkew(now?.Skew));
            }
        }

        return text.Append('.').ToString();
    }
}
