using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using LbOperator.ApiEmulator;
using LbOperator.ApiEmulator.Faults;
using LbOperator.ApiEmulator.Resources;

namespace LbOperator.Operator.Tests.ApiEmulator;

public sealed class EmulatorCrudTests
{
    private static V1Service Service(string name, string app = "web") => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "shop", Labels = new Dictionary<string, string> { ["app"] = app } },
        Spec = new V1ServiceSpec { Selector = new Dictionary<string, string> { ["app"] = app } },
    };

    [Fact]
    public async Task Created_objects_are_listed_with_the_list_resource_version()
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        using var client = emulator.CreateClient();

        var created = await client.CoreV1.CreateNamespacedServiceAsync(Service("web"), "shop");
        var list = await client.CoreV1.ListNamespacedServiceAsync("shop");

        Assert.Equal("web", Assert.Single(list.Items).Metadata.Name);
        Assert.Equal(created.Metadata.ResourceVersion, list.Metadata.ResourceVersion);
        Assert.False(string.IsNullOrEmpty(created.Metadata.Uid));
    }

    [Fact]
    public async Task Creating_an_existing_object_fails_with_409_AlreadyExists()
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        using var client = emulator.CreateClient();
        await client.CoreV1.CreateNamespacedServiceAsync(Service("web"), "shop");

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.CreateNamespacedServiceAsync(Service("web"), "shop"));

        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
        var status = KubernetesJson.Deserialize<V1Status>(error.Response.Content);
        Assert.Equal(("Status", "AlreadyExists", 409), (status.Kind, status.Reason, status.Code!.Value));
        Assert.Equal("services \"web\" already exists", status.Message);
    }

    [Fact]
    public async Task Replacing_with_a_stale_resource_version_fails_with_409_Conflict()
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        using var client = emulator.CreateClient();
        var first = await client.CoreV1.CreateNamespacedServiceAsync(Service("web"), "shop");
        first.Spec.ExternalTrafficPolicy = "Local";
        await client.CoreV1.ReplaceNamespacedServiceAsync(first, "web", "shop");

        first.Spec.ExternalTrafficPolicy = "Cluster";
        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ReplaceNamespacedServiceAsync(first, "web", "shop"));

        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
        Assert.Equal("Conflict", KubernetesJson.Deserialize<V1Status>(error.Response.Content).Reason);
        Assert.Equal("Local", emulator.Objects.Get<V1Service>("shop", "web")!.Spec.ExternalTrafficPolicy);
    }

    [Fact]
    public async Task Getting_a_missing_object_fails_with_404_NotFound()
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        using var client = emulator.CreateClient();

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoordinationV1.ReadNamespacedLeaseAsync("lock", "ops"));

        Assert.Equal(HttpStatusCode.NotFound, error.Response.StatusCode);
        Assert.Equal("leases.coordination.k8s.io \"lock\" not found", KubernetesJson.Deserialize<V1Status>(error.Response.Content).Message);
    }

    [Fact]
    public async Task Label_and_field_selectors_filter_lists()
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        emulator.Objects.Apply(Service("web"));
        emulator.Objects.Apply(Service("api", app: "api"));
        emulator.Objects.Apply(Service("db", app: "db"));
        using var client = emulator.CreateClient();

        var byLabel = await client.CoreV1.ListServiceForAllNamespacesAsync(labelSelector: "app in (web,api),app!=api");
        var byField = await client.CoreV1.ListNamespacedServiceAsync("shop", fieldSelector: "metadata.name=db");

        Assert.Equal(["web"], byLabel.Items.Select(s => s.Metadata.Name));
        Assert.Equal(["db"], byField.Items.Select(s => s.Metadata.Name));
    }

    [Theory]
    [InlineData(V1Patch.PatchType.MergePatch)]
    [InlineData(V1Patch.PatchType.StrategicMergePatch)]
    public async Task Patching_an_event_updates_count_and_series(V1Patch.PatchType type)
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        using var client = emulator.CreateClient();
        await client.CoreV1.CreateNamespacedEventAsync(new Corev1Event
        {
            Metadata = new V1ObjectMeta { Name = "web.1", NamespaceProperty = "shop" },
            InvolvedObject = new V1ObjectReference { Kind = "Service", Name = "web", NamespaceProperty = "shop" },
            Reason = "TrafficSkewed",
            Count = 1,
        }, "shop");

        var patch = new V1Patch("""{"count":2,"lastTimestamp":"2026-01-01T00:00:00Z","series":{"count":2}}""", type);
        await client.CoreV1.PatchNamespacedEventAsync(patch, "web.1", "shop");

        var stored = Assert.Single(emulator.Objects.List<Corev1Event>("shop"));
        Assert.Equal((2, 2, "TrafficSkewed"), (stored.Count!.Value, stored.Series.Count!.Value, stored.Reason));
    }

    [Theory]
    [InlineData("""{"spec":{"ports":[{"port":81}]}}""")]
    [InlineData("""{"metadata":{"labels":{"$patch":"replace","app":"web"}}}""")]
    public async Task A_strategic_merge_patch_that_needs_list_merge_keys_or_directives_is_refused_with_415(string patch)
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        using var client = emulator.CreateClient();
        await client.CoreV1.CreateNamespacedServiceAsync(Service("web"), "shop");

        var error = await Assert.ThrowsAsync<HttpOperationException>(
            () => client.CoreV1.PatchNamespacedServiceAsync(new V1Patch(patch, V1Patch.PatchType.StrategicMergePatch), "web", "shop"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, error.Response.StatusCode);
    }

    [Fact]
    public async Task A_429_fault_carries_Retry_After_and_a_TooManyRequests_status()
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        emulator.Faults.Inject(FaultRule.TooManyRequests("events", ApiVerb.Create, count: 1, TimeSpan.FromSeconds(3)));
        using var client = emulator.CreateClient();
        var item = new Corev1Event { Metadata = new V1ObjectMeta { Name = "e" }, InvolvedObject = new V1ObjectReference() };

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.CreateNamespacedEventAsync(item, "shop"));
        await client.CoreV1.CreateNamespacedEventAsync(item, "shop");

        Assert.Equal(HttpStatusCode.TooManyRequests, error.Response.StatusCode);
        Assert.Equal(["3"], error.Response.Headers["Retry-After"]);
        Assert.Equal(2, emulator.RequestCount(ApiVerb.Create, ApiResourceCatalog.CoreEvents));
    }

    [Fact]
    public async Task A_server_error_fault_fails_only_the_matching_requests()
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        emulator.Faults.Inject(FaultRule.ServerError("services", ApiVerb.List, count: 2));
        using var client = emulator.CreateClient();

        var errors = 0;
        for (var i = 0; i < 3; i++)
        {
            try
            {
                await client.CoreV1.ListServiceForAllNamespacesAsync();
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.InternalServerError)
            {
                errors++;
            }
        }

        Assert.Equal(2, errors);
        Assert.Empty((await client.CoreV1.ListNodeAsync()).Items);
    }

    [Fact]
    public async Task Gateway_API_routes_are_discovered_and_served_only_after_the_Gateway_API_is_installed()
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        using var client = emulator.CreateClient();
        using var http = new HttpClient();
        var discovery = $"{emulator.Url}/apis/gateway.networking.k8s.io/v1";

        var listBefore = await Assert.ThrowsAsync<HttpOperationException>(() => client.CustomObjects.ListClusterCustomObjectAsync("gateway.networking.k8s.io", "v1", "httproutes"));
        var discoveryBefore = await http.GetAsync(discovery);
        emulator.InstallGatewayApi();
        var discoveryAfter = KubernetesJson.Deserialize<V1APIResourceList>(await http.GetStringAsync(discovery));

        Assert.Equal(HttpStatusCode.NotFound, listBefore.Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, discoveryBefore.StatusCode);
        Assert.Equal(["grpcroutes", "httproutes"], discoveryAfter.Resources.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.NotNull(await client.CustomObjects.ListClusterCustomObjectAsync("gateway.networking.k8s.io", "v1", "httproutes"));
    }
}
