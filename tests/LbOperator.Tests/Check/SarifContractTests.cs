using System.Text.Json;
using LbOperator.Tests.Commands;

namespace LbOperator.Tests.Check;

public class SarifContractTests
{
    [Fact]
    public void The_document_is_sarif_2_1_0_with_the_rule_catalogue_and_help()
    {
        using var sarif = Sarif(CheckInvocation.Run("check", "-f", CheckInvocation.FixturePath("balanced-local.yaml"), "--output", "sarif").Stdout);

        var root = sarif.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Contains("sarif-2.1.0", root.GetProperty("$schema").GetString(), StringComparison.Ordinal);
        var driver = Assert.Single(root.GetProperty("runs").EnumerateArray()).GetProperty("tool").GetProperty("driver");
        Assert.Equal("lb-operator", driver.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(driver.GetProperty("version").GetString()));
        var rules = driver.GetProperty("rules").EnumerateArray().ToArray();
        Assert.Equal(["LB001", "LB002", "LB003", "LB004", "LB005", "LB006", "LB007"], rules.Select(r => r.GetProperty("id").GetString()));
        Assert.All(rules, rule => Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("help").GetProperty("text").GetString())));
        Assert.Equal("note", rules[5].GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.Empty(root.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
    }

    [Fact]
    public void A_result_points_at_the_manifest_and_line_of_the_object()
    {
        var fixture = CheckInvocation.FixturePath("outage-replay.yaml");

        using var sarif = Sarif(CheckInvocation.Run("check", "-f", fixture, "--output", "sarif").Stdout);

        var result = Assert.Single(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        Assert.Equal("LB001", result.GetProperty("ruleId").GetString());
        Assert.Equal(0, result.GetProperty("ruleIndex").GetInt32());
        Assert.Equal("error", result.GetProperty("level").GetString());
        Assert.Contains("3.0×", result.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
        var location = result.GetProperty("locations")[0];
        var physical = location.GetProperty("physicalLocation");
        Assert.Equal(new Uri(fixture).AbsoluteUri, physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(3, physical.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal("Service/shop/checkout", location.GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString());
        Assert.Equal(3.0, result.GetProperty("properties").GetProperty("skew").GetDouble(), precision: 9);
    }

    [Theory]
    [InlineData("single-node.yaml", "warning")]
    [InlineData("session-affinity.yaml", "note")]
    public void Severities_map_to_sarif_levels(string fixture, string level)
    {
        using var sarif = Sarif(CheckInvocation.Run("check", "-f", CheckInvocation.FixturePath(fixture), "--output", "sarif").Stdout);

        var result = Assert.Single(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        Assert.Equal(level, result.GetProperty("level").GetString());
    }

    [Fact]
    public void Objects_piped_from_helm_template_point_at_their_template()
    {
        var yaml = "---\n# Source: shop/templates/checkout.yaml\n" + File.ReadAllText(CheckInvocation.FixturePath("outage-replay.yaml"));

        var run = CheckInvocation.RunWithStdin(yaml, "check", "-f", "-", "--output", "sarif");

        using var sarif = Sarif(run.Stdout);
        var location = sarif.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0];
        var physical = location.GetProperty("physicalLocation");
        Assert.Equal("shop/templates/checkout.yaml", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.False(physical.TryGetProperty("region", out _));
        Assert.Equal("checkout", location.GetProperty("logicalLocations")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void Other_objects_from_stdin_point_at_the_stdin_pseudo_file_and_line()
    {
        var run = CheckInvocation.RunWithStdin(File.ReadAllText(CheckInvocation.FixturePath("outage-replay.yaml")), "check", "-f", "-", "--output", "sarif");

        using var sarif = Sarif(run.Stdout);
        var physical = sarif.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("stdin", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(3, physical.GetProperty("region").GetProperty("startLine").GetInt32());
    }

    private static JsonDocument Sarif(string stdout) => JsonDocument.Parse(stdout);
}
