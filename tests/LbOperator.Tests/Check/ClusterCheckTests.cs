using System.Text.Json;
using k8s.Models;
using LbOperator.ApiEmulator.Backends;
using LbOperator.Kubernetes.GatewayApi;
using LbOperator.Tests.Commands;
using LbOperator.Tests.Support;

namespace LbOperator.Tests.Check;

/// <summary>
/// <c>check --cluster</c> against an API server: the live spread (the outage replay seeded through the
/// API), and local files laid over it as an apply would ("what would this change do?").
/// </summary>
public sealed class ClusterCheckTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lb-cluster-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [ApiServerBackend(ApiServerBackend.Emulator)]
    [ApiServerBackend(ApiServerBackend.Envtest)]
    public async Task The_live_spread_of_a_namespace_is_checked_from_the_cluster(ApiServerBackend backend)
    {
        await using var server = await ApiServers.StartAsync(backend);
        var kubeconfig = await SeedAsync(server);

        var result = await CheckInvocation.RunAsync("check", "--cluster", "--kubeconfig", kubeconfig, "-n", "shop", "-o", "json");

        Assert.Equal(1, result.ExitCode);
        using var document = JsonDocument.Parse(result.Stdout);
        var finding = Assert.Single(document.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal(("LB001", "error", "shop", "checkout"), (
            finding.GetProperty("rule").GetString(), finding.GetProperty("severity").GetString(),
            finding.GetProperty("namespace").GetString(), finding.GetProperty("name").GetString()));
        var entryPoint = Assert.Single(document.RootElement.GetProperty("entryPoints").EnumerateArray());
        Assert.Equal(("cluster", 6, 3.0), (entryPoint.GetProperty("from").GetString(), entryPoint.GetProperty("poolSize").GetInt32(), entryPoint.GetProperty("skew").GetDouble()));
        Assert.Contains("objects from the cluster (test, namespace shop)", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [ApiServerBackend(ApiServerBackend.Emulator)]
    [ApiServerBackend(ApiServerBackend.Envtest)]
    public async Task A_local_change_is_laid_over_the_cluster_and_judged_with_the_real_pods(ApiServerBackend backend)
    {
        await using var server = await ApiServers.StartAsync(backend);
        var kubeconfig = await SeedAsync(server);
        var fix = Path.Combine(_root, "fix.yaml");
        File.WriteAllText(fix, "apiVersion: v1\nkind: Service\nmetadata: {name: checkout}\nspec: {type: LoadBalancer, externalTrafficPolicy: Cluster}\n");

        var json = await CheckInvocation.RunAsync("check", "--cluster", "--kubeconfig", kubeconfig, "-n", "shop", "-f", fix, "-o", "json");
        var text = await CheckInvocation.RunAsync("check", "--cluster", "--kubeconfig", kubeconfig, "-n", "shop", "-f", fix);

        Assert.Equal(0, json.ExitCode);
        using var document = JsonDocument.Parse(json.Stdout);
        Assert.Empty(document.RootElement.GetProperty("findings").EnumerateArray());
        var entryPoint = Assert.Single(document.RootElement.GetProperty("entryPoints").EnumerateArray());
        Assert.Equal(("file", 6, 1.0), (entryPoint.GetProperty("from").GetString(), entryPoint.GetProperty("poolSize").GetInt32(), entryPoint.GetProperty("skew").GetDouble()));
        Assert.Contains($"Service shop/checkout  {fix}:1 over the cluster's copy", text.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [ApiServerBackend(ApiServerBackend.Emulator)]
    [ApiServerBackend(ApiServerBackend.Envtest)]
    public async Task All_namespaces_are_read_without_n_and_problems_come_first(ApiServerBackend backend)
    {
        await using var server = await ApiServers.StartAsync(backend);
        var kubeconfig = await SeedAsync(server);

        var result = await CheckInvocation.RunAsync("check", "--cluster", "--kubeconfig", kubeconfig, "-A");

        var headers = result.Stdout.Split('\n').Where(line => line.StartsWith("Service ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["Service shop/checkout  cluster", "Service other/api  cluster"], headers.Where(h => !h.Contains("/kubernetes", StringComparison.Ordinal)));
    }

    // web has 3 pods, web-canary 1 pod at weight 90: only when the cluster's IngressClass says ingress-nginx serves
    // the class does the canary pod get 90% of a pool of 4 (skew 3.6); a class nobody is known to serve gets 1.0.
    [Theory]
    [ApiServerBackend(ApiServerBackend.Emulator)]
    [ApiServerBackend(ApiServerBackend.Envtest)]
    public async Task The_clusters_ingress_classes_decide_whether_canary_weights_apply(ApiServerBackend backend)
    {
        await using var server = await ApiServers.StartAsync(backend);
        var kubeconfig = await SeedAsync(server);
        using var client = new k8s.Kubernetes(server.ClientConfiguration());
        await client.ApplyAsync(new V1IngressClass { Metadata = new V1ObjectMeta { Name = "nginx-internal" }, Spec = new V1IngressClassSpec { Controller = "k8s.io/ingress-nginx" } });
        await client.ApplyAsync(Service("shop", "web", "ClusterIP", null));
        await client.ApplyAsync(Slice("shop", "web", ["node-a", "node-a", "node-b"]));
        await client.ApplyAsync(Service("shop", "web-canary", "ClusterIP", null));
        await client.ApplyAsync(Slice("shop", "web-canary", ["node-b"]));
        await client.ApplyAsync(Ingress("web", null));
        await client.ApplyAsync(Ingress("web-canary", new Dictionary<string, string>
        {
            ["nginx.ingress.kubernetes.io/canary"] = "true",
            ["nginx.ingress.kubernetes.io/canary-weight"] = "90",
        }));

        var result = await CheckInvocation.RunAsync("check", "--cluster", "--kubeconfig", kubeconfig, "-n", "shop", "-o", "json");

        using var document = JsonDocument.Parse(result.Stdout);
        var ingress = Assert.Single(document.RootElement.GetProperty("entryPoints").EnumerateArray(), entry => entry.GetProperty("kind").GetString() == "Ingress");
        Assert.Equal(3.6, Math.Round(ingress.GetProperty("skew").GetDouble(), 6));
    }

    // orders-v1 has 3 pods, orders-v2 1 pod; 50/50 → orders-v2's pod gets 50% of a pool of 4: skew 2.0.
    [Theory]
    [ApiServerBackend(ApiServerBackend.Emulator)]
    [ApiServerBackend(ApiServerBackend.Envtest)]
    public async Task A_grpc_route_is_read_from_the_cluster_when_it_serves_the_kind(ApiServerBackend backend)
    {
        await using var server = await ApiServers.StartAsync(backend);
        await server.InstallGatewayApiAsync(CancellationToken.None);
        var kubeconfig = await SeedAsync(server);
        using var client = new k8s.Kubernetes(server.ClientConfiguration());
        await client.ApplyAsync(Service("shop", "orders-v1", "ClusterIP", null));
        await client.ApplyAsync(Slice("shop", "orders-v1", ["node-a", "node-a", "node-b"]));
        await client.ApplyAsync(Service("shop", "orders-v2", "ClusterIP", null));
        await client.ApplyAsync(Slice("shop", "orders-v2", ["node-b"]));
        await client.ApplyAsync(new GrpcRoute
        {
            Metadata = new V1ObjectMeta { NamespaceProperty = "shop", Name = "orders" },
            Spec = new HttpRouteSpec
            {
                Rules = [new HttpRouteRule { Name = "split", BackendRefs = [new HttpBackendRef { Name = "orders-v1", Port = 80, Weight = 50 }, new HttpBackendRef { Name = "orders-v2", Port = 80, Weight = 50 }] }],
            },
        });

        var result = await CheckInvocation.RunAsync("check", "--cluster", "--kubeconfig", kubeconfig, "-n", "shop", "-o", "json");

        using var document = JsonDocument.Parse(result.Stdout);
        var route = Assert.Single(document.RootElement.GetProperty("entryPoints").EnumerateArray(), entry => entry.GetProperty("kind").GetString() == "GRPCRoute");
        Assert.Equal(2.0, Math.Round(route.GetProperty("skew").GetDouble(), 6));
        Assert.DoesNotContain("does not serve", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_cluster_is_one_line_and_exit_code_two()
    {
        var kubeconfig = Kubeconfig.Write(_root, new k8s.KubernetesClientConfiguration { Host = $"http://127.0.0.1:{PortCandidate.Next()}" });

        var result = await CheckInvocation.RunAsync("check", "--cluster", "--kubeconfig", kubeconfig);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("lb-operator check: cannot reach the API server", line, StringComparison.Ordinal);
    }

    private async Task<string> SeedAsync(IApiServer server)
    {
        using var client = new k8s.Kubernetes(server.ClientConfiguration());
        await client.ApplyAsync(Node("node-a", "eu-west-1a"));
        await client.ApplyAsync(Node("node-b", "eu-west-1b"));
        await client.ApplyAsync(Service("shop", "checkout", "LoadBalancer", "Local"));
        await client.ApplyAsync(Slice("shop", "checkout", ["node-a", "node-a", "node-a", "node-a", "node-a", "node-b"]));
        await client.ApplyAsync(Service("other", "api", "ClusterIP", null));
        await client.ApplyAsync(Slice("other", "api", ["node-a", "node-b"]));
        return Kubeconfig.Write(_root, server.ClientConfiguration(), "test");
    }

    private static V1Ingress Ingress(string service, IDictionary<string, string>? annotations) => new()
    {
        Metadata = new V1ObjectMeta { Name = service, NamespaceProperty = "shop", Annotations = annotations },
        Spec = new V1IngressSpec
        {
            IngressClassName = "nginx-internal",
            Rules =
            [
                new V1IngressRule
                {
                    Host = "shop.example.com",
                    Http = new V1HTTPIngressRuleValue
                    {
                        Paths = [new V1HTTPIngressPath { Path = "/", PathType = "Prefix", Backend = new V1IngressBackend { Service = new V1IngressServiceBackend { Name = service, Port = new V1ServiceBackendPort { Number = 80 } } } }],
                    },
                },
            ],
        },
    };

    private static V1Node Node(string name, string zone) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["topology.kubernetes.io/zone"] = zone } },
    };

    private static V1Service Service(string ns, string name, string type, string? externalTrafficPolicy) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new V1ServiceSpec { Type = type, ExternalTrafficPolicy = externalTrafficPolicy, Ports = [new V1ServicePort { Port = 80, TargetPort = 8080 }] },
    };

    private static V1EndpointSlice Slice(string ns, string service, string[] nodes) => new()
    {
        Metadata = new V1ObjectMeta { Name = service + "-1", NamespaceProperty = ns, Labels = new Dictionary<string, string> { ["kubernetes.io/service-name"] = service } },
        AddressType = "IPv4",
        Endpoints = nodes.Select((node, i) => new V1Endpoint
        {
            Addresses = [$"10.0.{(ns == "shop" ? 1 : 2)}.{i + 1}"],
            NodeName = node,
            TargetRef = new V1ObjectReference { Kind = "Pod", Name = $"{service}-{i + 1}", NamespaceProperty = ns },
            Conditions = new V1EndpointConditions { Ready = true },
        }).ToList(),
    };
}
