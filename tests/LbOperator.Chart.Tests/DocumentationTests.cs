using System.Text.RegularExpressions;
using LbOperator.Chart.Tests.CustomResources;
using LbOperator.Chart.Tests.Infrastructure;
using LbOperator.Core.Analysis;

namespace LbOperator.Chart.Tests;

public sealed partial class DocumentationTests : IDisposable
{
    private static readonly string Runbook = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "docs", "runbook.md"));

    private readonly HelmCli _helm = new();

    public static TheoryData<string> RuleIds
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var rule in Rules.All)
            {
                data.Add(rule.Id);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Runbook_explains_confirms_and_fixes_every_rule(string ruleId)
    {
        var rule = Rules.Find(ruleId)!;
        var heading = $"### {rule.Id} {rule.Name}";

        var start = Runbook.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/runbook.md has no section '{heading}'");
        var end = Runbook.IndexOf("\n### ", start + heading.Length, StringComparison.Ordinal);
        var section = Runbook[start..(end < 0 ? Runbook.Length : end)];
        Assert.Contains("**Meaning.**", section, StringComparison.Ordinal);
        Assert.Contains("**Confirm.**", section, StringComparison.Ordinal);
        Assert.Contains("kubectl", section, StringComparison.Ordinal);
        Assert.Contains("**Fix.**", section, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_alert_links_to_an_anchor_that_exists_in_the_runbook()
    {
        var rule = _helm.TemplateScenario("monitoring-values.yaml").Single<PrometheusRule>();
        var anchors = Headings().Matches(Runbook).Select(match => Slug(match.Groups["title"].Value))
            .Concat(ExplicitAnchors().Matches(Runbook).Select(match => match.Groups["id"].Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(rule.Spec.Groups.SelectMany(group => group.Rules), alert =>
        {
            var url = alert.Annotations["runbook_url"];
            Assert.Contains(url[(url.IndexOf('#', StringComparison.Ordinal) + 1)..], anchors);
        });
    }

    /// <summary>GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes.</summary>
    private static string Slug(string title) =>
        NotSlugCharacters().Replace(title.Trim().ToLowerInvariant(), "").Replace(' ', '-');

    [GeneratedRegex(@"^#{1,6} (?<title>.+)$", RegexOptions.Multiline)]
    private static partial Regex Headings();

    [GeneratedRegex(@"<a id=""(?<id>[^""]+)""></a>")]
    private static partial Regex ExplicitAnchors();

    [GeneratedRegex(@"[^a-z0-9 \-_]")]
    private static partial Regex NotSlugCharacters();

    public void Dispose() => _helm.Dispose();
}
