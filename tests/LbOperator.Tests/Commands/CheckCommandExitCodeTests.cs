using static LbOperator.Tests.Commands.CheckInvocation;

namespace LbOperator.Tests.Commands;

public class CheckCommandExitCodeTests
{
    [Theory]
    [InlineData("balanced-local.yaml", null, 0)]
    [InlineData("outage-replay.yaml", null, 1)]
    [InlineData("single-node.yaml", null, 0)]
    [InlineData("single-node.yaml", "error", 0)]
    [InlineData("single-node.yaml", "warning", 1)]
    [InlineData("session-affinity.yaml", "warning", 0)]
    [InlineData("session-affinity.yaml", "info", 1)]
    [InlineData("balanced-local.yaml", "info", 0)]
    public void Exit_code_is_one_only_for_findings_at_or_above_fail_on(string fixture, string? failOn, int expected)
    {
        string[] args = failOn is null
            ? ["check", "-f", FixturePath(fixture)]
            : ["check", "-f", FixturePath(fixture), "--fail-on", failOn];

        var result = Run(args);

        Assert.Equal(expected, result.ExitCode);
    }

    [Theory]
    [InlineData(null, 0, 5.0 / 3)]
    [InlineData("aws", 1, 2.5)]
    [InlineData("AWS-LBC", 1, 2.5)]
    [InlineData("none", 0, 5.0 / 3)]
    public void Load_balancer_names_the_load_balancer_the_manifests_do_not_show(string? name, int exitCode, double skew)
    {
        string[] args = name is null
            ? ["check", "-f", FixturePath("aws-local-zones.yaml"), "--output", "json"]
            : ["check", "-f", FixturePath("aws-local-zones.yaml"), "--output", "json", "--load-balancer", name];

        var result = Run(args);

        Assert.Equal(exitCode, result.ExitCode);
        using var report = System.Text.Json.JsonDocument.Parse(result.Stdout);
        Assert.Equal(skew, report.RootElement.GetProperty("entryPoints")[0].GetProperty("skew").GetDouble(), 4);
    }

    [Theory]
    [InlineData("check", "-f", "{fixture}", "--load-balancer", "f5")]
    [InlineData("check", "-f", "{fixture}", "--load-balancer")]
    [InlineData("check", "-f", "{fixture}", "--bogus")]
    [InlineData("check", "-f", "{fixture}", "extra-argument")]
    [InlineData("check", "-f", "{fixture}", "--output", "xml")]
    [InlineData("check", "-f", "{fixture}", "--output")]
    [InlineData("check", "-f", "{fixture}", "--fail-on", "fatal")]
    [InlineData("check", "-f")]
    [InlineData("check")]
    public void A_usage_error_exits_two_with_one_line_on_stderr(params string[] args)
    {
        var result = Run(args.Select(a => a.Replace("{fixture}", FixturePath("balanced-local.yaml"), StringComparison.Ordinal)).ToArray());

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Stdout);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("lb-operator check: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_exits_two_naming_the_file()
    {
        var missing = Path.Combine(Path.GetTempPath(), "lb-operator-no-such-dir", "app.yaml");

        var result = Run("check", "-f", missing);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"{missing}: no such file or directory", result.Stderr.Trim());
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n   namespace: shop\n", 5)]
    [InlineData("apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  ports:\n  - port: http-port\n", 6)]
    [InlineData("apiVersion: v1\nkind: Service\nmetadata: {name: web}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: api\n", 8)]
    public void Malformed_input_exits_two_with_file_and_line_and_no_stack_trace(string yaml, int line)
    {
        var result = RunWithStdin(yaml, "check", "-f", "-", "--output", "json");

        Assert.Equal(2, result.ExitCode);
        using var document = System.Text.Json.JsonDocument.Parse(result.Stdout);
        Assert.Equal(line, document.RootElement.GetProperty("errors")[0].GetProperty("line").GetInt32());
        var message = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0];
        Assert.StartsWith($"<stdin>:{line}:", message, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unexpected_failure_exits_two_with_one_line_and_no_stack_trace()
    {
        var result = RunWith(new BrokenReader(), "check", "-f", "-");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("lb-operator check: internal error: stdin is gone", result.Stderr.Trim());
    }

    [Fact]
    public void Help_for_check_exits_zero_and_lists_the_flags()
    {
        var result = Run("check", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--file", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("--output", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("--fail-on", result.Stdout, StringComparison.Ordinal);
    }

    private sealed class BrokenReader : TextReader
    {
        public override string ReadToEnd() => throw new InvalidOperationException("stdin is gone");
    }
}
