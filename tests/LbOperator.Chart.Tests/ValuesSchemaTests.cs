using System.Text.Json;
using System.Text.RegularExpressions;
using LbOperator.Chart.Tests.Infrastructure;

namespace LbOperator.Chart.Tests;

public sealed partial class ValuesSchemaTests : IDisposable
{
    private readonly HelmCli _helm = new();

    [Theory]
    [InlineData("foo=bar", "additional properties 'foo' not allowed")]
    [InlineData("webhook.certs.colour=blue", "additional properties 'colour' not allowed")]
    [InlineData("monitoring.prometheusRule.alerts.trafficSkewed.forr=5m", "additional properties 'forr' not allowed")]
    public void Unknown_keys_are_rejected_at_every_level(string setting, string message)
    {
        var result = _helm.TryTemplate("--set", setting);

        Assert.False(result.Succeeded, result.ToString());
        Assert.Contains(message, result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("webhook.mode=block", "/webhook/mode")]
    [InlineData("webhook.certs.mode=vault", "/webhook/certs/mode")]
    [InlineData("webhook.failurePolicy=Maybe", "/webhook/failurePolicy")]
    [InlineData("webhook.timeoutSeconds=31", "/webhook/timeoutSeconds")]
    [InlineData("logging.format=xml", "/logging/format")]
    [InlineData("logging.level=Loud", "/logging/level")]
    [InlineData("config.policy.maxSkew=0.5", "/config/policy/maxSkew")]
    [InlineData("config.resyncPeriod=10minutes", "/config/resyncPeriod")]
    [InlineData("config.workers=0", "/config/workers")]
    [InlineData("replicaCount=two", "/replicaCount")]
    public void Out_of_range_values_are_rejected_with_their_path(string setting, string path)
    {
        var result = _helm.TryTemplate("--set", setting);

        Assert.False(result.Succeeded, result.ToString());
        Assert.Contains($"'{path}'", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_object_in_the_schema_closes_its_properties()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryLayout.Chart, "values.schema.json")));

        var open = new List<string>();
        Walk(schema.RootElement, "", open);

        Assert.Empty(open);
    }

    [Fact]
    public void Every_key_in_values_yaml_is_documented()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryLayout.Chart, "values.yaml"));

        var undocumented = new List<string>();
        for (var index = 0; index < lines.Length; index++)
        {
            if (!KeyLine().IsMatch(lines[index]) || IsSectionHeader(lines, index))
            {
                continue;
            }

            var previous = index - 1;
            while (previous >= 0 && lines[previous].TrimStart().StartsWith('#') && !lines[previous].TrimStart().StartsWith("# --", StringComparison.Ordinal))
            {
                previous--;
            }

            if (previous < 0 || !lines[previous].TrimStart().StartsWith("# --", StringComparison.Ordinal))
            {
                undocumented.Add($"line {index + 1}: {lines[index].Trim()}");
            }
        }

        Assert.Empty(undocumented);
    }

    /// <summary>A key whose value is a nested block of keys is a section; its leaves carry the docs.</summary>
    private static bool IsSectionHeader(string[] lines, int index)
    {
        if (!lines[index].TrimEnd().EndsWith(':'))
        {
            return false;
        }

        var indent = lines[index].Length - lines[index].TrimStart().Length;
        var next = lines.Skip(index + 1).FirstOrDefault(line => line.Trim().Length > 0 && !line.TrimStart().StartsWith('#'));
        return next is not null && next.Length - next.TrimStart().Length > indent && !next.TrimStart().StartsWith('-');
    }

    private static void Walk(JsonElement node, string path, List<string> open)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (node.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "object"
            && !node.TryGetProperty("additionalProperties", out _))
        {
            open.Add(path.Length == 0 ? "(root)" : path);
        }

        if (node.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                Walk(property.Value, $"{path}/{property.Name}", open);
            }
        }

        if (node.TryGetProperty("items", out var items))
        {
            Walk(items, $"{path}[]", open);
        }

        if (node.TryGetProperty("additionalProperties", out var additional))
        {
            Walk(additional, $"{path}/*", open);
        }
    }

    [GeneratedRegex(@"^\s*[A-Za-z_][A-Za-z0-9_.-]*:")]
    private static partial Regex KeyLine();

    public void Dispose() => _helm.Dispose();
}
