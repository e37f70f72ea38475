using System.Text;
using k8s;
using k8s.Autorest;
using k8s.Models;
using LbOperator.ApiEmulator.Backends;
using LbOperator.Webhook.Tests.Support;
using LbOperator.Webhook.Tests.Support.Envtest;

namespace LbOperator.Webhook.Tests.Hosting;

/// <summary>
/// A real kube-apiserver calls the webhook through a ValidatingWebhookConfiguration shaped like the
/// chart's (one entry per namespace mode, <c>clientConfig.url</c> to 127.0.0.1 with the CA bundle).
/// The webhook's caches are the <see cref="ShopCluster"/> state (no pods run here).
/// </summary>
public sealed class ApiServerAdmissionTests
{
    private const string Namespace = ShopCluster.Namespace;

    [EnvtestFact]
    public async Task Create_and_update_calls_are_allowed_warned_or_rejected_as_specified()
    {
        await using var apiServer = await EnvtestApiServer.StartAsync(EnvtestAssets.FromEnvironment()!, CancellationToken.None);
        await using var webhook = await WebhookServer.StartAsync(mode: "enforce");
        using var client = new k8s.Kubernetes(apiServer.ClientConfiguration());
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Namespace } });
        await client.AdmissionregistrationV1.CreateValidatingWebhookConfigurationAsync(Configuration(webhook));
        await WaitUntilWebhookAnswersAsync(client);

        var created = await client.CoreV1.CreateNamespacedServiceWithHttpMessagesAsync(Checkout("Cluster"), Namespace);
        Assert.Empty(Warnings(created.Response));

        var denied = await Assert.ThrowsAsync<HttpOperationException>(() => UpdateAsync(client, s => s.Spec.ExternalTrafficPolicy = "Local"));
        Assert.Equal(403, (int)denied.Response.StatusCode);
        Assert.Contains(
            "LB001: externalTrafficPolicy: Local would send 50% of traffic to checkout-5 on node-b (3.0× its fair share).",
            denied.Response.Content,
            StringComparison.Ordinal);

        var warned = await UpdateAsync(client, s =>
        {
            s.Spec.ExternalTrafficPolicy = "Local";
            s.SetAnnotation("lb-operator.io/enforce", "warn");
        });
        Assert.Contains(Warnings(warned), w => w.Contains("LB001", StringComparison.Ordinal));

        var unchanged = await UpdateAsync(client, s => s.Metadata.Annotations.Remove("lb-operator.io/enforce"));
        Assert.Contains(Warnings(unchanged), w => w.Contains("LB001", StringComparison.Ordinal));

        await LabelNamespaceAsync(client, "warn");
        var namespaceWarned = await UpdateAsync(client, s => s.SetLabel("team", "payments"));
        Assert.Contains(Warnings(namespaceWarned), w => w.Contains("LB001", StringComparison.Ordinal));

        var fixedUp = await UpdateAsync(client, s => s.Spec.ExternalTrafficPolicy = "Cluster");
        Assert.Empty(Warnings(fixedUp));
    }

    private static async Task<HttpResponseMessage> UpdateAsync(IKubernetes client, Action<V1Service> change)
    {
        var service = await client.CoreV1.ReadNamespacedServiceAsync("checkout", Namespace);
        change(service);
        var response = await client.CoreV1.ReplaceNamespacedServiceWithHttpMessagesAsync(service, "checkout", Namespace);
        return response.Response;
    }

    private static async Task LabelNamespaceAsync(IKubernetes client, string mode)
    {
        var ns = await client.CoreV1.ReadNamespaceAsync(Namespace);
        ns.SetLabel("lb-operator.io/enforce", mode);
        await client.CoreV1.ReplaceNamespaceAsync(ns, Namespace);
    }

    /// <summary>The API server picks up a new webhook configuration asynchronously; probe with dry-run creates until it answers.</summary>
    private static Task WaitUntilWebhookAnswersAsync(IKubernetes client)
    {
        var probe = Checkout("Local");
        return Poll.UntilAsync(async cancellationToken =>
        {
            try
            {
                await client.CoreV1.CreateNamespacedServiceAsync(probe, Namespace, dryRun: "All", cancellationToken: cancellationToken);
                return false;
            }
            catch (HttpOperationException e) when (e.Response.Content.Contains("LB001", StringComparison.Ordinal))
            {
                return true;
            }
        }, "the API server calls the webhook");
    }

    private static List<string> Warnings(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Warning", out var values) ? values.ToList() : [];

    private static V1Service Checkout(string externalTrafficPolicy) => new()
    {
        Metadata = new V1ObjectMeta { Name = "checkout", NamespaceProperty = Namespace },
        Spec = new V1ServiceSpec
        {
            Type = "LoadBalancer",
            ExternalTrafficPolicy = externalTrafficPolicy,
            Selector = new Dictionary<string, string> { ["app"] = "checkout" },
            Ports = [new V1ServicePort { Name = "http", Port = 80, TargetPort = 8080 }],
        },
    };

    private static V1ValidatingWebhookConfiguration Configuration(WebhookServer webhook)
    {
        var caBundle = Encoding.ASCII.GetBytes(webhook.Authority.CaPem);
        return new V1ValidatingWebhookConfiguration
        {
            Metadata = new V1ObjectMeta { Name = "lb-operator" },
            Webhooks =
            [
                Entry("enforce", "/validate/enforce", "In", ["enforce"]),
                Entry("warn", "/validate/warn", "In", ["warn"]),
                Entry("default", "/validate", "DoesNotExist", null),
            ],
        };

        V1ValidatingWebhook Entry(string name, string path, string op, List<string>? values) => new()
        {
            Name = $"{name}.validate.lb-operator.io",
            AdmissionReviewVersions = ["v1"],
            SideEffects = "None",
            FailurePolicy = "Fail",
            TimeoutSeconds = 10,
            ClientConfig = new Admissionregistrationv1WebhookClientConfig { Url = new Uri(webhook.BaseAddress, path).ToString(), CaBundle = caBundle },
            NamespaceSelector = new V1LabelSelector
            {
                MatchExpressions = [new V1LabelSelectorRequirement { Key = "lb-operator.io/enforce", OperatorProperty = op, Values = values }],
            },
            Rules =
            [
                new V1RuleWithOperations
                {
                    ApiGroups = [""], ApiVersions = ["v1"], Resources = ["services"], Operations = ["CREATE", "UPDATE"], Scope = "Namespaced",
                },
            ],
        };
    }
}
