using System.Globalization;
using System.Text.Json;
using LbOperator.Tests.Commands;

namespace LbOperator.Tests.Check;

/// <summary>
/// Every manifest in Fixtures/ declares its expected findings and exit code in a sibling
/// <c>NAME.expected.json</c>; adding a scenario is adding two files.
/// </summary>
public class FixtureScenarioTests
{
    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(CheckInvocation.FixturePath("")).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (!name.EndsWith(".expected.json", StringComparison.Ordinal) && File.Exists(ExpectedPathOf(file)))
            {
                data.Add(name);
            }
        }

        return data;
    }

    [Fact]
    public void Every_fixture_manifest_has_an_expectation()
    {
        var manifests = Directory.EnumerateFiles(CheckInvocation.FixturePath(""))
            .Where(file => !file.EndsWith(".expected.json", StringComparison.Ordinal));

        Assert.All(manifests, file => Assert.True(File.Exists(ExpectedPathOf(file)), $"{file} has no .expected.json"));
        Assert.True(Scenarios().Count >= 10);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void The_scenario_gives_exactly_its_expected_findings_and_exit_code(string fixture)
    {
        var path = CheckInvocation.FixturePath(fixture);
        using var expected = JsonDocument.Parse(File.ReadAllText(ExpectedPathOf(path)));

        var result = CheckInvocation.Run("check", "-f", path, "--output", "json");

        using var actual = JsonDocument.Parse(result.Stdout);
        Assert.Equal(expected.RootElement.GetProperty("exitCode").GetInt32(), result.ExitCode);
        Assert.Equal(
            Keys(expected.RootElement.GetProperty("findings")),
            Keys(actual.RootElement.GetProperty("findings")));
    }

    private static string ExpectedPathOf(string manifest) =>
        Path.Combine(Path.GetDirectoryName(manifest)!, Path.GetFileNameWithoutExtension(manifest) + ".expected.json");

    /// <summary>Everything but the message, with numbers at the precision the contract promises.</summary>
    private static string[] Keys(JsonElement findings) => findings.EnumerateArray()
        .Select(f => string.Join(
            " ",
            f.GetProperty("rule").GetString(),
            f.GetProperty("severity").GetString(),
            f.GetProperty("kind").GetString(),
            f.GetProperty("namespace").GetString(),
            f.GetProperty("name").GetString(),
            Number(f, "skew"),
            Number(f, "blackholedShare")))
        .Order(StringComparer.Ordinal)
        .ToArray();

    private static string Number(JsonElement finding, string property) =>
        finding.TryGetProperty(property, out var value)
            ? property + "=" + Math.Round(value.GetDouble(), 4).ToString(CultureInfo.InvariantCulture)
            : "";
}
