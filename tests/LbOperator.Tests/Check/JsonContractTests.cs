using System.Text.Json;
using LbOperator.Tests.Commands;

namespace LbOperator.Tests.Check;

public class JsonContractTests
{
    private static readonly string[] FindingFields = ["rule", "severity", "kind", "namespace", "name", "message"];

    [Fact]
    public void Stdout_is_only_the_document_with_findings_and_entry_points()
    {
        var result = CheckInvocation.Run("check", "-f", CheckInvocation.FixturePath("outage-replay.yaml"), "--output", "json");

        using var document = JsonDocument.Parse(result.Stdout);
        Assert.Equal(["findings", "entryPoints", "errors", "inputs"], document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Contains("skipped 1 document", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_LB001_finding_has_exactly_the_contract_fields_and_skew()
    {
        var finding = SingleFinding("outage-replay.yaml");

        Assert.Equal([.. FindingFields, "skew"], finding.EnumerateObject().Select(p => p.Name));
        Assert.Equal("LB001", finding.GetProperty("rule").GetString());
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.Equal("Service", finding.GetProperty("kind").GetString());
        Assert.Equal("shop", finding.GetProperty("namespace").GetString());
        Assert.Equal("checkout", finding.GetProperty("name").GetString());
        Assert.Equal(3.0, finding.GetProperty("skew").GetDouble(), precision: 9);
        Assert.Contains("node-b", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_LB002_finding_carries_blackholed_share_and_no_skew()
    {
        var finding = SingleFinding("httproute-missing-backend.yaml");

        Assert.Equal([.. FindingFields, "blackholedShare"], finding.EnumerateObject().Select(p => p.Name));
        Assert.Equal("HTTPRoute", finding.GetProperty("kind").GetString());
        Assert.Equal(0.5, finding.GetProperty("blackholedShare").GetDouble(), precision: 9);
    }

    [Theory]
    [InlineData("single-node.yaml", "warning")]
    [InlineData("session-affinity.yaml", "info")]
    public void Other_findings_carry_neither_number_and_lower_case_severities(string fixture, string severity)
    {
        var finding = SingleFinding(fixture);

        Assert.Equal(FindingFields, finding.EnumerateObject().Select(p => p.Name));
        Assert.Equal(severity, finding.GetProperty("severity").GetString());
    }

    [Fact]
    public void Entry_points_carry_pool_skew_blackholed_share_and_the_spread()
    {
        var result = CheckInvocation.Run("check", "-f", CheckInvocation.FixturePath("outage-replay.yaml"), "--output", "json");

        using var document = JsonDocument.Parse(result.Stdout);
        var entryPoint = Assert.Single(document.RootElement.GetProperty("entryPoints").EnumerateArray());
        Assert.Equal("Service", entryPoint.GetProperty("kind").GetString());
        Assert.Equal("checkout", entryPoint.GetProperty("entryPoint").GetString());
        Assert.Equal(6, entryPoint.GetProperty("poolSize").GetInt32());
        Assert.Equal(3.0, entryPoint.GetProperty("skew").GetDouble(), precision: 9);
        Assert.Equal(0.0, entryPoint.GetProperty("blackholedShare").GetDouble());
        Assert.Equal("externalTrafficPolicyLocal", entryPoint.GetProperty("cause").GetString());
        var top = entryPoint.GetProperty("endpoints")[0];
        Assert.Equal(("checkout-6d9f7-6", "node-b", "eu-west-1b", 0.5), (
            top.GetProperty("name").GetString(),
            top.GetProperty("node").GetString(),
            top.GetProperty("zone").GetString(),
            top.GetProperty("share").GetDouble()));
        Assert.Equal(
            [("node-a", 5, 0.5), ("node-b", 1, 0.5)],
            entryPoint.GetProperty("nodes").EnumerateArray()
                .Select(n => (n.GetProperty("name").GetString(), n.GetProperty("endpoints").GetInt32(), n.GetProperty("share").GetDouble()))
                .Order());
        Assert.Equal(2, entryPoint.GetProperty("zones").GetArrayLength());
    }

    [Fact]
    public void A_clean_input_gives_an_empty_findings_array()
    {
        var result = CheckInvocation.Run("check", "-f", CheckInvocation.FixturePath("balanced-local.yaml"), "--output", "json");

        using var document = JsonDocument.Parse(result.Stdout);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(0, document.RootElement.GetProperty("findings").GetArrayLength());
        Assert.Equal(1, document.RootElement.GetProperty("entryPoints").GetArrayLength());
    }

    private static JsonElement SingleFinding(string fixture)
    {
        var result = CheckInvocation.Run("check", "-f", CheckInvocation.FixturePath(fixture), "--output", "json");
        using var document = JsonDocument.Parse(result.Stdout);
        return Assert.Single(document.RootElement.GetProperty("findings").EnumerateArray()).Clone();
    }
}
