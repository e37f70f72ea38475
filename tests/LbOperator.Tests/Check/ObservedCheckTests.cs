using System.Text.Json;
using k8s.Models;
using LbOperator.ApiEmulator.Backends;
using LbOperator.Tests.Commands;
using LbOperator.Tests.Support;

namespace LbOperator.Tests.Check;

/// <summary>
/// <c>check --cluster --prometheus-url</c> against an API server and a real Prometheus over recorded
/// series: the observed share next to the expected one, LB007 judged on the window, and a Prometheus
/// that does not answer.
/// </summary>
public sealed class ObservedCheckTests(ObservedCheckPrometheus prometheus) : IClassFixture<ObservedCheckPrometheus>, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lb-observed-").FullName;
    private readonly FixedClock _clock = new(ObservedCheckPrometheus.At);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [ObservedBackend(ApiServerBackend.Emulator)]
    [ObservedBackend(ApiServerBackend.Envtest)]
    public async Task Observed_shares_and_skew_are_reported_beside_the_model_with_LB007_where_it_applies(ApiServerBackend backend)
    {
        await using var server = await ApiServers.StartAsync(backend);
        var kubeconfig = await SeedAsync(server);

        var result = await CheckAsync("--kubeconfig", kubeconfig, "-n", "shop", "--prometheus-url", prometheus.Url.ToString(), "-o", "json");

        Assert.Equal(1, result.ExitCode);
        using var document = JsonDocument.Parse(result.Stdout);
        var root = document.RootElement;
        var observed = root.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("rule").GetString() == "LB007")
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => (Severity: f.GetProperty("severity").GetString(), Skew: f.GetProperty("skew").GetDouble(), Message: f.GetProperty("message").GetString()!));
        Assert.Equal(["api", "checkout", "web"], observed.Keys.Order());
        Assert.Equal(("error", 2.5), (observed["web"].Severity, observed["web"].Skew));
        Assert.Contains("not explained by configuration", observed["web"].Message, StringComparison.Ordinal);
        Assert.Equal(("warning", 2.0), (observed["checkout"].Severity, observed["checkout"].Skew));
        Assert.Contains("matches the configuration (LB001", observed["checkout"].Message, StringComparison.Ordinal);
        Assert.Equal("error", observed["api"].Severity);

        var entryPoints = root.GetProperty("entryPoints").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!);
        Assert.Equal(("judged", 2.5, 8000.0), (
            entryPoints["web"].GetProperty("observedStatus").GetString(), entryPoints["web"].GetProperty("observedSkew").GetDouble(),
            Math.Round(entryPoints["web"].GetProperty("observedRate").GetDouble())));
        var web = entryPoints["web"].GetProperty("endpoints").EnumerateArray()
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => (Expected: e.GetProperty("share").GetDouble(), Observed: e.GetProperty("observedShare").GetDouble()));
        Assert.Equal((0.25, 0.625), web["web-1"]);
        Assert.Equal((0.25, 0.125), web["web-4"]);
        Assert.Equal("idle", entryPoints["quiet"].GetProperty("observedStatus").GetString());
        Assert.False(entryPoints["quiet"].TryGetProperty("observedSkew", out _));
        Assert.Equal("5m", root.GetProperty("observation").GetProperty("window").GetString());
        Assert.Empty(root.GetProperty("observation").GetProperty("problems").EnumerateArray());
    }

    [Theory]
    [ObservedBackend(ApiServerBackend.Emulator)]
    public async Task The_text_report_lists_every_endpoint_with_expected_and_observed_shares_hottest_first(ApiServerBackend backend)
    {
        await using var server = await ApiServers.StartAsync(backend);
        var kubeconfig = await SeedAsync(server);

        var result = await CheckAsync("--kubeconfig", kubeconfig, "-n", "shop", "--prometheus-url", prometheus.Url.ToString());
        var ignored = await CheckAsync("--kubeconfig", kubeconfig, "-n", "shop", "--prometheus-url", prometheus.Url.ToString(), "--ignore-rule", "LB007", "-q");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(
            string.Join('\n',
                "  entry point web: 4 endpoints, skew 1.0, blackholed 0.0%",
                "  observed: skew 2.5, 8000/s in total by the cluster query",
                "    expected  observed",
                "       25.0%     62.5%  web-1  node-a",
                "       25.0%     12.5%  web-2  node-a",
                "       25.0%     12.5%  web-3  node-b",
                "       25.0%     12.5%  web-4  node-b",
                "  nodes: node-a 50.0% (2), node-b 50.0% (2)",
                "  zones: (unknown) 100.0% (4)",
                "  error   LB007 ObservedTrafficSkew: web: observed skew 2.5×"),
            result.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("  observed: skew 2.67, 45/s in total by its own query", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  observed: idle (less traffic than the minimum rate), not judged", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"note: observed traffic from Prometheus at {prometheus.Url}", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("LB007", ignored.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_Prometheus_is_one_line_and_the_configuration_is_still_judged()
    {
        await using var server = await ApiServers.StartAsync(ApiServerBackend.Emulator);
        var kubeconfig = await SeedAsync(server);
        var down = $"http://127.0.0.1:{PortCandidate.Next()}/";

        var result = await CheckAsync("--kubeconfig", kubeconfig, "-n", "shop", "--prometheus-url", down, "--fail-on", "warning");
        var nothing = await CheckAsync("--kubeconfig", kubeconfig, "-n", "empty", "--prometheus-url", down);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n'), l => l.StartsWith("lb-operator check:", StringComparison.Ordinal));
        Assert.StartsWith($"lb-operator check: Prometheus at {down} is unreachable", line, StringComparison.Ordinal);
        Assert.EndsWith("; the report shows the configuration only", line.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("warning LB001 TrafficSkew: checkout", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("observed", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, nothing.ExitCode);
    }

    [Theory]
    [ObservedBackend(ApiServerBackend.Emulator)]
    public async Task Queries_Prometheus_rejects_or_that_lack_a_pod_label_are_named_on_stderr_and_the_rest_is_still_observed(ApiServerBackend backend)
    {
        await using var server = await ApiServers.StartAsync(backend);
        var kubeconfig = await SeedAsync(server);
        using (var client = new k8s.Kubernetes(server.ClientConfiguration()))
        {
            await client.ApplyAsync(Service("nopod", "ClusterIP", null, "sum(rate(http_requests_total{namespace=\"$namespace\"}[$window]))"));
            await client.ApplyAsync(Slice("nopod", ["node-a", "node-b"]));
        }

        var url = prometheus.Url.ToString();
        var rejected = await CheckAsync("--kubeconfig", kubeconfig, "-n", "shop", "--prometheus-url", url, "--observed-query", "sum by (pod) (rate(", "-q");
        var withoutPod = await CheckAsync("--kubeconfig", kubeconfig, "-n", "shop", "--prometheus-url", url, "--observed-query", "sum(rate(container_network_receive_bytes_total[$window]))", "-q");

        var rejectedLines = rejected.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, rejectedLines.Length);
        Assert.Contains(rejectedLines, l => l.StartsWith("lb-operator check: Prometheus answered HTTP 400, bad_data", StringComparison.Ordinal)
            && l.EndsWith("; entry points measured by the cluster query show the configuration only", StringComparison.Ordinal));
        Assert.Contains(rejectedLines, l => l.StartsWith("lb-operator check: Service shop/nopod: the query in annotation lb-operator.io/observed-query returned 1 series and none has a 'pod' label", StringComparison.Ordinal));
        Assert.Contains("error   LB007 ObservedTrafficSkew: api:", rejected.Stdout, StringComparison.Ordinal);
        Assert.Contains(withoutPod.Stderr.Split('\n'), l => l.StartsWith("lb-operator check: the cluster query returned series but none has a 'pod' label", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--prometheus-url needs --cluster", "-f", "deploy.yaml", "--prometheus-url", "http://prometheus:9090")]
    [InlineData("--prometheus-url must be an absolute http(s) URL", "--cluster", "--prometheus-url", "prometheus:9090")]
    [InlineData("--observed-window must be a duration", "--cluster", "--prometheus-url", "http://prometheus:9090", "--observed-window", "5 minutes")]
    [InlineData("--observed-query needs a PromQL query", "--cluster", "--prometheus-url", "http://prometheus:9090", "--observed-query", " ")]
    [InlineData("--observed-window and --observed-query need --prometheus-url", "--cluster", "--observed-window", "10m")]
    public async Task Observed_flags_out_of_place_are_a_one_line_usage_error(string message, params string[] args)
    {
        var result = await CheckInvocation.RunAsync(["check", .. args]);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"lb-operator check: {message}", line, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    private Task<CheckInvocation> CheckAsync(params string[] args) => CheckInvocation.RunAtAsync(_clock, ["check", "--cluster", .. args]);

    private async Task<string> SeedAsync(IApiServer server)
    {
        using var client = new k8s.Kubernetes(server.ClientConfiguration());
        await client.ApplyAsync(Node("node-a"));
        await client.ApplyAsync(Node("node-b"));
        await client.ApplyAsync(Service("web", "ClusterIP", null));
        await client.ApplyAsync(Service("checkout", "LoadBalancer", "Local"));
        await client.ApplyAsync(Service("api", "ClusterIP", null, ObservedCheckPrometheus.RequestQuery));
        await client.ApplyAsync(Service("quiet", "ClusterIP", null));
        foreach (var (name, nodes) in new[]
        {
            ("web", new[] { "node-a", "node-a", "node-b", "node-b" }),
            ("checkout", ["node-a", "node-a", "node-a", "node-b"]),
            ("api", ["node-a", "node-a", "node-b", "node-b"]),
            ("quiet", ["node-a", "node-a", "node-b", "node-b"]),
        })
        {
            await client.ApplyAsync(Slice(name, nodes));
        }

        return Kubeconfig.Write(_root, server.ClientConfiguration(), "test");
    }

    private static V1Node Node(string name) => new() { Metadata = new V1ObjectMeta { Name = name } };

    private static V1Service Service(string name, string type, string? externalTrafficPolicy, string? observedQuery = null) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = "shop",
            Annotations = observedQuery is null ? null : new Dictionary<string, string> { ["lb-operator.io/observed-query"] = observedQuery },
        },
        Spec = new V1ServiceSpec { Type = type, ExternalTrafficPolicy = externalTrafficPolicy, Ports = [new V1ServicePort { Port = 80, TargetPort = 8080 }] },
    };

    private static V1EndpointSlice Slice(string service, string[] nodes) => new()
    {
        Metadata = new V1ObjectMeta { Name = service + "-1", NamespaceProperty = "shop", Labels = new Dictionary<string, string> { ["kubernetes.io/service-name"] = service } },
        AddressType = "IPv4",
        Endpoints = nodes.Select((node, i) => new V1Endpoint
        {
            Addresses = [$"10.0.{service.Length}.{i + 1}"],
            NodeName = node,
            TargetRef = new V1ObjectReference { Kind = "Pod", Name = $"{service}-{i + 1}", NamespaceProperty = "shop" },
            Conditions = new V1EndpointConditions { Ready = true },
        }).ToList(),
    };
}
