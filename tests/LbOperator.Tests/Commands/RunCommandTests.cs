using System.CommandLine;
using LbOperator.Commands;

namespace LbOperator.Tests.Commands;

public sealed class RunCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("lb-operator-run-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static async Task<(int ExitCode, string Error)> RunAsync(params string[] args)
    {
        var root = new RootCommand { RunCommand.Create() };
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await root.Parse(["run", .. args]).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (exitCode, stderr.ToString());
    }

    private string Kubeconfig()
    {
        var path = Path.Combine(directory, "kubeconfig");
        File.WriteAllText(path, """
            apiVersion: v1
            kind: Config
            clusters: [{ name: c, cluster: { server: "http://127.0.0.1:9" } }]
            users: [{ name: u, user: { token: t } }]
            contexts: [{ name: x, context: { cluster: c, user: u } }]
            current-context: x
            """);
        return path;
    }

    [Fact]
    public async Task A_kubeconfig_that_is_not_yaml_is_reported_in_one_line_with_exit_code_2()
    {
        var path = Path.Combine(directory, "kubeconfig");
        File.WriteAllText(path, "clusters: [ { name: c");

        var (exitCode, error) = await RunAsync("--kubeconfig", path);

        Assert.Equal(2, exitCode);
        Assert.StartsWith($"lb-operator run: Kubeconfig file '{path}' is not valid YAML (line 2, column 1)", error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_missing_kubeconfig_is_reported_in_one_line_with_exit_code_2()
    {
        var (exitCode, error) = await RunAsync("--kubeconfig", Path.Combine(directory, "nope"));

        Assert.Equal(2, exitCode);
        Assert.StartsWith("lb-operator run: Kubeconfig file '", error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Bad_options_from_flags_fail_the_start_with_the_validation_messages()
    {
        var (exitCode, error) = await RunAsync("--kubeconfig", Kubeconfig(), "--workers", "0", "--LbOperator:Policy:WarnSkew", "0.5",
            "--LbOperator:Policy:LoadBalancer", "f5", "--lease-namespace", "ops", "--LbOperator:Webhook:Enabled", "false");

        Assert.Equal(2, exitCode);
        Assert.Contains("lb-operator run: LbOperator:Workers must be at least 1 (got 0).", error);
        Assert.Contains("lb-operator run: LbOperator:Policy:WarnSkew must be at least 1.0 (got 0.5).", error);
        Assert.Contains("lb-operator run: LbOperator:Policy:LoadBalancer must be one of none, aws, aws-lbc, gke, metallb-l2, metallb-bgp (got f5).", error);
    }

    [Theory]
    [InlineData("--resync-period", "10 minutes")]
    [InlineData("--LbOperator:LeaderElection:LeaseDuration", "soon")]
    public async Task A_bad_duration_stops_the_start_in_one_line_without_a_stack_trace(string flag, string value)
    {
        var (exitCode, error) = await RunAsync("--kubeconfig", Kubeconfig(), "--lease-namespace", "ops", "--LbOperator:Webhook:Enabled", "false", flag, value);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(error.Trim().Split('\n'));
        Assert.StartsWith("lb-operator run: ", line, StringComparison.Ordinal);
        Assert.Contains($"'{value}' is not a duration", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--wokers", "2", "unknown option '--wokers'")]
    [InlineData("--Webhook:Enabled", "false", "unknown option '--Webhook:Enabled'")]
    [InlineData("stray", null, "unexpected argument 'stray'")]
    [InlineData("--workers", null, "--workers needs a value")]
    public async Task Unknown_flags_and_missing_values_are_usage_errors_with_exit_code_2(string flag, string? value, string message)
    {
        var (exitCode, error) = await RunAsync(value is null ? [flag] : [flag, value]);

        Assert.Equal(2, exitCode);
        Assert.Equal($"lb-operator run: {message} (see lb-operator run --help)", error.Trim());
    }

    [Fact]
    public async Task Help_lists_every_alias_with_the_key_it_sets()
    {
        var root = new RootCommand { RunCommand.Create() };
        using var stdout = new StringWriter();

        await root.Parse(["run", "--help"]).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = TextWriter.Null });

        foreach (var (alias, key) in LbOperator.Hosting.CommandLineAliases.Mappings)
        {
            Assert.Contains(alias, stdout.ToString(), StringComparison.Ordinal);
            Assert.Contains($"Sets {key}.", stdout.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_failure_of_the_running_operator_is_exit_code_1_not_a_usage_error()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Any, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var (exitCode, error) = await RunAsync("--kubeconfig", Kubeconfig(), "--lease-namespace", "ops", "--LbOperator:Webhook:Enabled", "false",
            "--metrics-port", port, "--health-port", "0");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("lb-operator run: ", error, StringComparison.Ordinal);
    }
}
