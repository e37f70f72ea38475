using System.Text.Json;
using System.Xml.Linq;
using LbOperator.Tests.Commands;

namespace LbOperator.Tests.Check;

/// <summary>Turning rules off and moving thresholds, from flags, annotations and the config file.</summary>
public sealed class RuleControlTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lb-rules-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string Outage => CheckInvocation.FixturePath("outage-replay.yaml");

    [Fact]
    public void Ignore_rule_drops_the_findings_of_that_rule_and_can_be_repeated()
    {
        var result = CheckInvocation.Run("check", "-f", Outage, "-f", CheckInvocation.FixturePath("single-node.yaml"), "--ignore-rule", "LB001", "--ignore-rule", "lb004", "-o", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(Rules(result));
    }

    [Fact]
    public void An_unknown_rule_id_is_a_usage_error()
    {
        var result = CheckInvocation.Run("check", "-f", Outage, "--ignore-rule", "LB999");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown rule 'LB999'", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--max-skew", "3.5", 0)]
    [InlineData("--warn-skew", "1.2", 1)]
    public void Skew_thresholds_come_from_flags(string flag, string value, int exitCode)
    {
        var result = CheckInvocation.Run("check", "-f", Outage, flag, value, "--fail-on", "error");

        Assert.Equal(exitCode, result.ExitCode);
    }

    [Fact]
    public void The_config_file_is_found_upward_and_flags_win_over_it()
    {
        File.WriteAllText(Path.Combine(_root, ".lb-operator.yaml"), "maxSkew: 3.5\nwarnSkew: 3.2\nignoreRules: [LB006]\nexclude: ['**/ignored/**']\nnamespace: shop\n");
        var nested = Directory.CreateDirectory(Path.Combine(_root, "a", "b")).FullName;
        Directory.CreateDirectory(Path.Combine(nested, "ignored"));
        File.WriteAllText(Path.Combine(nested, "ignored", "broken.yaml"), "{{ broken");
        File.Copy(Outage, Path.Combine(nested, "outage.yaml"));

        var found = LbOperator.Check.CheckConfigFile.Find(nested);
        var fromConfig = CheckInvocation.Run("check", "-f", nested, "--config", found!, "-o", "json");
        var overridden = CheckInvocation.Run("check", "-f", nested, "--config", found!, "--warn-skew", "1.5", "--max-skew", "2", "-o", "json");

        Assert.Equal(Path.Combine(_root, ".lb-operator.yaml"), found);
        Assert.Equal(0, fromConfig.ExitCode);
        Assert.Empty(Rules(fromConfig));
        Assert.Equal(1, overridden.ExitCode);
        Assert.Equal(["LB001"], Rules(overridden));
    }

    [Fact]
    public void An_unknown_key_in_the_config_file_is_an_error_naming_the_line()
    {
        var config = Path.Combine(_root, "lb.yaml");
        File.WriteAllText(config, "maxSkew: 3\nmaxskew: 4\n");

        var result = CheckInvocation.Run("check", "-f", Outage, "--config", config);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{config}:2:1: unknown key 'maxskew'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_lists_the_catalogue_and_explains_one_rule()
    {
        var list = CheckInvocation.RunRoot("rules");
        var one = CheckInvocation.RunRoot("rules", "LB001");
        var unknown = CheckInvocation.RunRoot("rules", "LB999");

        Assert.Equal(0, list.ExitCode);
        Assert.Equal(LbOperator.Core.Analysis.Rules.All.Count, list.Stdout.Split('\n').Count(line => line.StartsWith("LB00", StringComparison.Ordinal)));
        Assert.Contains("event reason: TrafficSkewed", one.Stdout, StringComparison.Ordinal);
        Assert.Contains(LbOperator.Core.Analysis.Rules.TrafficSkew.Help, one.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
    }

    [Fact]
    public void Junit_has_a_test_case_per_entry_point_and_a_failure_per_finding_at_or_above_fail_on()
    {
        var result = CheckInvocation.Run("check", "-f", Outage, "-f", CheckInvocation.FixturePath("single-node.yaml"), "-o", "junit");

        var suite = XDocument.Parse(result.Stdout).Root!.Element("testsuite")!;
        Assert.Equal("2", suite.Attribute("tests")!.Value);
        Assert.Equal("1", suite.Attribute("failures")!.Value);
        var failure = Assert.Single(suite.Descendants("failure"));
        Assert.StartsWith("LB001", failure.Attribute("type")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Quiet_keeps_the_summary_and_the_problems_only()
    {
        var balanced = Path.Combine(_root, "balanced.yaml");
        File.WriteAllText(balanced, "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\n---\napiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\n"
            + "metadata: {name: web-1, namespace: shop, labels: {kubernetes.io/service-name: web}}\naddressType: IPv4\n"
            + "endpoints: [{addresses: [10.0.0.1], nodeName: a}, {addresses: [10.0.0.2], nodeName: b}]\n");

        var result = CheckInvocation.Run("check", "-f", Outage, "-f", balanced, "--quiet");

        Assert.Contains("Service shop/checkout ", result.Stdout, StringComparison.Ordinal);
        Assert.Single(result.Stdout.Split('\n'), line => line.StartsWith("Service ", StringComparison.Ordinal));
        Assert.Contains("2 entry points, 1 finding", result.Stdout, StringComparison.Ordinal);
        Assert.Empty(result.Stderr);
    }

    private static string[] Rules(CheckInvocation result)
    {
        using var document = JsonDocument.Parse(result.Stdout);
        return document.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()!).ToArray();
    }
}
