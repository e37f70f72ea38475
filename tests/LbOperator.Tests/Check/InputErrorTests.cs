using System.Text.Json;
using LbOperator.Tests.Commands;
using static LbOperator.Tests.Check.InputRobustnessTests;

namespace LbOperator.Tests.Check;

/// <summary>Input errors a CI gate can trust: every one reported with its place, the run going on, exit code 2.</summary>
public sealed class InputErrorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lb-errors-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Every_broken_file_is_reported_and_the_other_files_are_still_checked()
    {
        Write("a-broken.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: b\n   namespace: c\n");
        Write("b-ok.yaml", Service + "---\n" + Slice);
        Write("c-broken.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: web\n");

        var result = CheckInvocation.Run("check", "-f", _root, "-o", "json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["shop/web"], EntryPoints(result));
        var lines = result.Stderr.Split('\n').Where(line => line.Contains("broken", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, lines.Length);
        Assert.StartsWith(Path.Combine(_root, "a-broken.yaml") + ":5:", lines[0], StringComparison.Ordinal);
        Assert.StartsWith(Path.Combine(_root, "c-broken.yaml") + ":4:", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void An_unrendered_helm_template_is_an_error_with_a_hint()
    {
        Write("templates/service.yaml", "{{- if .Values.enabled }}\napiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n{{- end }}\n");

        var result = CheckInvocation.Run("check", "-f", _root);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("run helm template first", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Skip_invalid_turns_input_errors_into_notes()
    {
        Write("broken.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: web\n");
        Write("ok.yaml", Service);

        var result = CheckInvocation.Run("check", "-f", _root, "--skip-invalid", "-o", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("note: skipped invalid input", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tab_in_the_indentation_is_reported_at_its_own_line()
    {
        var result = CheckInvocation.RunWithStdin("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n\tnamespace: shop\n", "check", "-f", "-");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("<stdin>:5:", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_argument_is_a_usage_error_that_says_so()
    {
        var result = CheckInvocation.Run("check", "-f", "");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("-f needs a path", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_carries_input_errors_counts_and_unknown_endpoints()
    {
        Write("broken.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: api\n");
        Write("ok.yaml", Service + "---\n" + Service + "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n");

        var result = CheckInvocation.Run("check", "-f", _root, "-o", "json");

        Assert.Equal(2, result.ExitCode);
        using var document = JsonDocument.Parse(result.Stdout);
        var root = document.RootElement;
        var error = Assert.Single(root.GetProperty("errors").EnumerateArray());
        Assert.Equal(Path.Combine(_root, "broken.yaml"), error.GetProperty("file").GetString());
        Assert.Equal(4, error.GetProperty("line").GetInt32());
        var counts = root.GetProperty("inputs");
        Assert.Equal((1, 1, 1), (counts.GetProperty("skipped").GetInt32(), counts.GetProperty("unknownEndpoints").GetInt32(), counts.GetProperty("duplicates").GetInt32()));
        Assert.Equal([false], EndpointsKnown(result));
    }

    [Fact]
    public void Sarif_output_carries_input_errors_as_tool_execution_notifications()
    {
        Write("broken.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: api\n");

        var result = CheckInvocation.Run("check", "-f", _root, "-o", "sarif");

        Assert.Equal(2, result.ExitCode);
        using var document = JsonDocument.Parse(result.Stdout);
        var invocation = document.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0];
        Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
        var notification = Assert.Single(invocation.GetProperty("toolExecutionNotifications").EnumerateArray());
        Assert.Equal("error", notification.GetProperty("level").GetString());
        Assert.Equal(4, notification.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
