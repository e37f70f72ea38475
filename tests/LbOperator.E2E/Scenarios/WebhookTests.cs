using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using LbOperator.E2E.Infrastructure;

namespace LbOperator.E2E.Scenarios;

/// <summary>
/// The chart's ValidatingWebhookConfiguration, registered by URL, called by the real API server. The
/// skewing change is the outage's: a balanced Service over 5 + 1 pods switched to <c>externalTrafficPolicy: Local</c>.
/// </summary>
public sealed class WebhookTests
{
    private const string ModeLabel = "lb-operator.io/enforce";

    [E2EFact]
    public async Task Enforce_denies_warn_admits_with_a_warning_and_a_stopped_operator_lets_changes_through()
    {
        await using var installation = await Installation.StartAsync();
        var replica = await installation.StartReplicaAsync("replica-a");
        var cluster = new Cluster(installation.Admin);
        await cluster.NamespaceAsync("enforced", new Dictionary<string, string> { [ModeLabel] = "enforce" });
        await cluster.NamespaceAsync("warned", new Dictionary<string, string> { [ModeLabel] = "warn" });
        await OutageTests.OutageLayoutAsync(cluster, "enforced", policy: "Cluster");
        await cluster.ServiceAsync("warned", "checkout", "Cluster");
        await cluster.ReadyPodsAsync("warned", "checkout", "node-a", 5);
        await cluster.ReadyPodsAsync("warned", "checkout", "node-b", 1);
        await cluster.EndpointsAsync("warned", "checkout", 6);
        await installation.RegisterWebhookAsync(replica);

        var denial = await WhenTheWebhookIsCalledAsync(installation.Admin, "enforced");
        Assert.Equal(HttpStatusCode.Forbidden, denial.Response.StatusCode);
        Assert.Contains("LB001", denial.Response.Content, StringComparison.Ordinal);
        Assert.Contains("3.0× its fair share", denial.Response.Content, StringComparison.Ordinal);
        Assert.Equal("Cluster", (await installation.Admin.CoreV1.ReadNamespacedServiceAsync("checkout", "enforced")).Spec.ExternalTrafficPolicy);

        var warned = await PatchPolicyAsync(installation.Admin, "warned", "Local");
        Assert.Contains(Warnings(warned), warning => warning.Contains("LB001", StringComparison.Ordinal));
        Assert.Equal("Local", warned.Body.Spec.ExternalTrafficPolicy);

        await replica.KillAsync();
        var admitted = await PatchPolicyAsync(installation.Admin, "enforced", "Local");
        Assert.Equal("Local", admitted.Body.Spec.ExternalTrafficPolicy);
        Assert.Empty(Warnings(admitted));
    }

    /// <summary>
    /// The API server loads a new webhook configuration asynchronously; until it does, a dry-run of the
    /// skewing patch is admitted. Returns the first denial.
    /// </summary>
    private static async Task<HttpOperationException> WhenTheWebhookIsCalledAsync(IKubernetes admin, string ns)
    {
        HttpOperationException? denial = null;
        await Poll.UntilAsync(async ct =>
        {
            try
            {
                await admin.CoreV1.PatchNamespacedServiceAsync(PolicyPatch("Local"), "checkout", ns, dryRun: "All", cancellationToken: ct);
                return false;
            }
            catch (HttpOperationException error) when (error.Response.StatusCode == HttpStatusCode.Forbidden)
            {
                denial = error;
                return true;
            }
        }, $"the API server calls the webhook for {ns}");
        try
        {
            await admin.CoreV1.PatchNamespacedServiceAsync(PolicyPatch("Local"), "checkout", ns);
        }
        catch (HttpOperationException error)
        {
            return error;
        }

        Assert.Fail("The skewing patch was admitted in an enforce namespace.");
        return denial!;
    }

    private static Task<HttpOperationResponse<V1Service>> PatchPolicyAsync(IKubernetes admin, string ns, string policy) =>
        admin.CoreV1.PatchNamespacedServiceWithHttpMessagesAsync(PolicyPatch(policy), "checkout", ns);

    private static V1Patch PolicyPatch(string policy) =>
        new(KubernetesJson.Serialize(new { spec = new { externalTrafficPolicy = policy } }), V1Patch.PatchType.MergePatch);

    private static List<string> Warnings(HttpOperationResponse response) =>
        response.Response.Headers.TryGetValues("Warning", out var values) ? values.ToList() : [];
}
