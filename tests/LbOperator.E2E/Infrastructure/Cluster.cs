using k8s;
using k8s.Models;
using LbOperator.ApiEmulator.Backends;

namespace LbOperator.E2E.Infrastructure;

/// <summary>
/// Builds a cluster the way the workloads would: Nodes with zones, Services with selectors, and Pods
/// bound to nodes whose status is then patched to Running and Ready with a pod IP (no kubelet runs).
/// The real EndpointSlice controller writes the slices.
/// </summary>
internal sealed class Cluster(IKubernetes admin)
{
    private int podIps;

    public async Task NodeAsync(string name, string zone)
    {
        await admin.CoreV1.CreateNodeAsync(new V1Node
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                Labels = new Dictionary<string, string> { ["kubernetes.io/hostname"] = name, ["topology.kubernetes.io/zone"] = zone },
            },
        });
    }

    /// <summary>A LoadBalancer Service selecting <c>app=<paramref name="name"/></c>.</summary>
    public async Task ServiceAsync(string ns, string name, string externalTrafficPolicy, IDictionary<string, string>? namespaceLabels = null)
    {
        await NamespaceAsync(ns, namespaceLabels);
        await admin.CoreV1.CreateNamespacedServiceAsync(Service(ns, name, externalTrafficPolicy), ns);
    }

    public static V1Service Service(string ns, string name, string externalTrafficPolicy) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new V1ServiceSpec
        {
            Type = "LoadBalancer",
            ExternalTrafficPolicy = externalTrafficPolicy,
            Selector = new Dictionary<string, string> { ["app"] = name },
            Ports = [new V1ServicePort { Name = "http", Port = 80, TargetPort = 8080, Protocol = "TCP" }],
        },
    };

    public async Task NamespaceAsync(string ns, IDictionary<string, string>? labels = null)
    {
        await admin.EnsureNamespaceAsync(ns);
        if (labels is not null)
        {
            var patch = KubernetesJson.Serialize(new { metadata = new { labels } });
            await admin.CoreV1.PatchNamespaceAsync(new V1Patch(patch, V1Patch.PatchType.MergePatch), ns);
        }
    }

    /// <summary>Creates <paramref name="count"/> Pods of <paramref name="app"/> on <paramref name="node"/> and makes them Ready.</summary>
    public async Task ReadyPodsAsync(string ns, string app, string node, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var name = $"{app}-{node}-{i}";
            await admin.CoreV1.CreateNamespacedPodAsync(new V1Pod
            {
                Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Labels = new Dictionary<string, string> { ["app"] = app } },
                Spec = new V1PodSpec
                {
                    NodeName = node,
                    Containers = [new V1Container { Name = "app", Image = "app:1", Ports = [new V1ContainerPort { ContainerPort = 8080 }] }],
                },
            }, ns);
            var ip = $"10.244.{podIps / 250}.{(podIps % 250) + 2}";
            podIps++;
            var now = DateTime.UtcNow;
            var status = new
            {
                status = new
                {
                    phase = "Running",
                    podIP = ip,
                    podIPs = new[] { new { ip } },
                    conditions = new[]
                    {
                        new { type = "Ready", status = "True", lastTransitionTime = now },
                        new { type = "ContainersReady", status = "True", lastTransitionTime = now },
                    },
                },
            };
            await admin.CoreV1.PatchNamespacedPodStatusAsync(new V1Patch(KubernetesJson.Serialize(status), V1Patch.PatchType.MergePatch), name, ns);
        }
    }

    /// <summary>Waits until the EndpointSlice controller lists <paramref name="ready"/> ready endpoints for the Service.</summary>
    public Task EndpointsAsync(string ns, string service, int ready) =>
        Poll.UntilAsync(async ct =>
        {
            var slices = await admin.DiscoveryV1.ListNamespacedEndpointSliceAsync(ns, labelSelector: $"kubernetes.io/service-name={service}", cancellationToken: ct);
            return slices.Items.SelectMany(slice => slice.Endpoints ?? []).Count(e => e.Conditions?.Ready == true) == ready;
        }, $"the EndpointSlice controller lists {ready} ready endpoints of {ns}/{service}");

    public Task SetExternalTrafficPolicyAsync(string ns, string service, string policy) =>
        admin.CoreV1.PatchNamespacedServiceAsync(
            new V1Patch(KubernetesJson.Serialize(new { spec = new { externalTrafficPolicy = policy } }), V1Patch.PatchType.MergePatch), service, ns);

    public async Task<IReadOnlyList<Corev1Event>> EventsAsync(string ns, string name, string? reason = null) =>
        (await admin.CoreV1.ListNamespacedEventAsync(ns)).Items
            .Where(e => e.InvolvedObject.Name == name && (reason is null || e.Reason == reason))
            .ToList();

    /// <summary>Waits for an Event with <paramref name="reason"/> on the object, and whose message holds <paramref name="mentioning"/> when given.</summary>
    public async Task<Corev1Event> EventAsync(string ns, string name, string reason, TimeSpan? timeout = null, string? mentioning = null)
    {
        Corev1Event? found = null;
        await Poll.UntilAsync(async _ =>
        {
            found = (await EventsAsync(ns, name, reason))
                .FirstOrDefault(e => mentioning is null || e.Message.Contains(mentioning, StringComparison.Ordinal));
            return found is not null;
        }, $"a {reason} Event{(mentioning is null ? "" : $" mentioning {mentioning}")} is on {ns}/{name}", timeout);
        return found!;
    }
}
