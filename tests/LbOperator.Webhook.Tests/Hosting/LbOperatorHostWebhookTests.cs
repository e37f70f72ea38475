using LbOperator.ApiEmulator.Backends;
using System.Net;
using System.Net.Http.Headers;
using k8s.Models;
using LbOperator.ApiEmulator;
using LbOperator.Hosting;
using LbOperator.Runtime;
using LbOperator.Webhook.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LbOperator.Webhook.Tests.Hosting;

/// <summary>
/// The webhook inside the real process host, evaluating against the operator's informer caches of an
/// emulated API server: the outage replay (5 pods on node-a, 1 on node-b) switched to Local is denied,
/// an AdmissionDenied Event lands on the Service, and /readyz includes the serving certificate.
/// </summary>
public sealed class LbOperatorHostWebhookTests
{
    [Fact]
    public async Task The_process_host_serves_the_webhook_against_the_operators_caches()
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        Seed(emulator);
        using var directory = new TempDirectory();
        using var authority = new TestCertificateAuthority();
        authority.IssueTo(directory.File("tls.crt"), directory.File("tls.key"));
        var (app, (health, _, webhookPort)) = await CandidatePortHost.StartAsync(
            () => (PortCandidate.Next(), PortCandidate.Next(), PortCandidate.Next()),
            ports => LbOperatorHost.Create(new LbOperatorHostSettings
            {
                ClientConfiguration = emulator.ClientConfiguration(),
                Overrides = new Dictionary<string, string?>
                {
                    ["LbOperator:Ports:Health"] = ports.Item1.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["LbOperator:Ports:Metrics"] = ports.Item2.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["LbOperator:Ports:Webhook"] = ports.Item3.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["LbOperator:LeaderElection:Enabled"] = "false",
                    ["Logging:LogLevel:Default"] = "Warning",
                    ["LbOperator:Webhook:Mode"] = "enforce",
                    ["LbOperator:Webhook:CertFile"] = directory.File("tls.crt"),
                    ["LbOperator:Webhook:KeyFile"] = directory.File("tls.key"),
                },
            }));
        await using var _ = app;
        using var http = new HttpClient();
        using var client = WebhookServer.Client();

        var readiness = app.Services.GetRequiredService<ICacheReadiness>();
        await Poll.UntilAsync(() => readiness.IsSynced, "the caches synced");
        using var ready = await http.GetAsync(new Uri($"http://127.0.0.1:{health}/readyz"));
        using var content = new ByteArrayContent(Fixture.Bytes("service-update-cluster-to-local.json"));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync(new Uri($"https://127.0.0.1:{webhookPort}/validate"), content);
        var answer = ReviewAnswer.From((int)response.StatusCode, await response.Content.ReadAsByteArrayAsync(), null);
        await Poll.UntilAsync(() => emulator.Objects.List<Corev1Event>("shop").Any(e => e.Reason == "AdmissionDenied"), "the AdmissionDenied Event was written");
        await app.StopAsync();

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.False(answer.Allowed);
        Assert.StartsWith("LB001: externalTrafficPolicy: Local would send 50% of traffic to checkout-5 on node-b (3.0× its fair share).", answer.Message, StringComparison.Ordinal);
        var written = emulator.Objects.List<Corev1Event>("shop").Single(e => e.Reason == "AdmissionDenied");
        Assert.Equal(("Service", "checkout"), (written.InvolvedObject.Kind, written.InvolvedObject.Name));
    }

    private static void Seed(KubeApiEmulator emulator)
    {
        foreach (var (node, zone) in new[] { ("node-a", "zone-a"), ("node-b", "zone-b") })
        {
            emulator.Objects.Apply(new V1Node
            {
                Metadata = new V1ObjectMeta { Name = node, Labels = new Dictionary<string, string> { ["topology.kubernetes.io/zone"] = zone } },
                Status = new V1NodeStatus { Allocatable = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("4") } },
            });
        }

        emulator.Objects.Apply(new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "checkout", NamespaceProperty = "shop" },
            Spec = new V1ServiceSpec
            {
                Type = "LoadBalancer",
                ExternalTrafficPolicy = "Cluster",
                Selector = new Dictionary<string, string> { ["app"] = "checkout" },
                Ports = [new V1ServicePort { Port = 80 }],
            },
        });
        emulator.Objects.Apply(new V1EndpointSlice
        {
            Metadata = new V1ObjectMeta
            {
                Name = "checkout-x7k2p",
                NamespaceProperty = "shop",
                Labels = new Dictionary<string, string> { ["kubernetes.io/service-name"] = "checkout" },
            },
            AddressType = "IPv4",
            Endpoints = Enumerable.Range(0, 6).Select(i => new V1Endpoint
            {
                Addresses = [$"10.1.0.{i + 10}"],
                NodeName = i < 5 ? "node-a" : "node-b",
                Zone = i < 5 ? "zone-a" : "zone-b",
                TargetRef = new V1ObjectReference { Kind = "Pod", Name = $"checkout-{i}", NamespaceProperty = "shop" },
                Conditions = new V1EndpointConditions { Ready = true },
            }).ToList(),
        });
    }
}
