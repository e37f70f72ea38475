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
            "--LbOperator:Policy:LoadBalancer", "f5", "--lease-namespace", "ops", "--Webhook:Enabled", "false");

        Assert.Equal(2, exitCode);
        Assert.Contains("lb-operator run: LbOperator:Workers must be at least 1 (got 0).", error);
        Assert.Contains("lb-operator run: LbOperator:Policy:WarnSkew must be at least 1.0 (got 0.5).", error);
        Assert.Contains("lb-operator run: LbOperator:Policy:LoadBalancer must be one of none, aws, aws-lbc, gke, metallb-l2, metallb-bgp (got f5).", error);
    }
}
