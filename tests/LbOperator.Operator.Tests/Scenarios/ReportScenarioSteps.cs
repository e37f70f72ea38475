using System.Net;
using k8s;
using k8s.Autorest;
using LbOperator.Kubernetes.PolicyReports;
using LbOperator.Operator.Tests.Support;

namespace LbOperator.Operator.Tests.Scenarios;

/// <summary>
/// The report scenarios, through the Kubernetes API only, so they run the same against the emulator and
/// a real kube-apiserver with the report CRDs installed.
/// </summary>
internal static class ReportScenarioSteps
{
    private const string Namespace = ScenarioSteps.Namespace;

    public static async Task OutageFailsLb001AndTheFixPasses(KubernetesClientConfiguration cluster)
    {
        using var client = new k8s.Kubernetes(cluster);
        await using var operatorUnderTest = await OperatorUnderTest.StartAsync(cluster);
        await ScenarioSteps.LoadOutageAsync(client, "Local");
        var service = await client.CoreV1.ReadNamespacedServiceAsync("web", Namespace);

        foreach (var api in ReportApi.All)
        {
            var report = await ReportWhenAsync(client, api, report => report.Summary?.Fail == 1, "the outage fails LB001");
            var result = Assert.Single(report.Results!);
            Assert.Equal(("fail", "high", "LB001-TrafficSkew", "load-balancing", "lb-operator", "Load Balancing"),
                (result.Result, result.Severity, result.Rule, result.Policy, result.Source, result.Category));
            Assert.Equal("3", result.Properties!["skew"]);
            Assert.Equal("externalTrafficPolicyLocal", result.Properties["cause"]);
            var resource = Assert.Single(result.Resources!);
            Assert.Equal(("Service", "web", service.Metadata.Uid), (resource.Kind, resource.Name, resource.Uid));
            Assert.Equal(("lb-operator", "lb-operator"), (report.Metadata.Labels["app.kubernetes.io/managed-by"], report.Metadata.Labels["app.kubernetes.io/created-by"]));
        }

        await ScenarioSteps.SetExternalTrafficPolicyAsync(client, "Cluster");

        foreach (var api in ReportApi.All)
        {
            var report = await ReportWhenAsync(client, api, report => report.Summary?.Pass == 1, "the fix passes");
            var result = Assert.Single(report.Results!);
            Assert.Equal(("pass", "all-rules", service.Metadata.Uid), (result.Result, result.Rule, result.Resources![0].Uid));
            Assert.Equal(new ReportSummary(1, 0, 0, 0, 0), report.Summary);
        }
    }

    public static async Task ARestartWritesNoReportUpdate(KubernetesClientConfiguration cluster)
    {
        using var client = new k8s.Kubernetes(cluster);
        string resourceVersion;
        await using (var first = await OperatorUnderTest.StartAsync(cluster))
        {
            await ScenarioSteps.LoadOutageAsync(client, "Local");
            await ReportWhenAsync(client, ReportApi.PolicyReport, report => report.Summary?.Fail == 1, "the outage fails LB001");
            // The first operator stops only once a whole pass found every report in line after the outage was
            // reported: stopped earlier, its last write could land after the version read here.
            var reported = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
            await Poll.UntilAsync(() => first.Metrics.QueueDepth.Value == 0 && first.ReportMetrics.LastInSync.Value > reported,
                "the first operator has every report in line after the outage");
            resourceVersion = (await ReadAsync(client, ReportApi.PolicyReport))!.Metadata.ResourceVersion;
        }

        await using var second = await OperatorUnderTest.StartAsync(cluster);
        await Poll.UntilAsync(() => second.ReportMetrics.LastInSync.Value > 0, "the restarted operator has compared every report");

        Assert.Equal(0, TotalWrites(second));
        Assert.Equal(resourceVersion, (await ReadAsync(client, ReportApi.PolicyReport))!.Metadata.ResourceVersion);
    }

    public static async Task ANamespaceWithoutAuditedObjectsLosesItsReport(KubernetesClientConfiguration cluster)
    {
        using var client = new k8s.Kubernetes(cluster);
        await using var operatorUnderTest = await OperatorUnderTest.StartAsync(cluster);
        await ScenarioSteps.LoadOutageAsync(client, "Local");
        await ReportWhenAsync(client, ReportApi.PolicyReport, report => report.Summary?.Fail == 1, "the outage fails LB001");

        await client.CoreV1.DeleteNamespacedServiceAsync("web", Namespace);

        await ScenarioSteps.EventuallyAsync(async () => await ReadAsync(client, ReportApi.PolicyReport) is null, "the report of shop is deleted");
    }

    public static async Task DisablingReportsDeletesTheReportsWritten(KubernetesClientConfiguration cluster)
    {
        using var client = new k8s.Kubernetes(cluster);
        int written;
        await using (var enabled = await OperatorUnderTest.StartAsync(cluster))
        {
            await ScenarioSteps.LoadOutageAsync(client, "Local");
            await ReportWhenAsync(client, ReportApi.PolicyReport, report => report.Summary?.Fail == 1, "the outage fails LB001");
            await Poll.UntilAsync(() => enabled.ReportMetrics.LastInSync.Value > 0, "every namespace has its report");
            written = (await ListOwnAsync(client, ReportApi.PolicyReport)).Count;
        }

        await using var disabled = await OperatorUnderTest.StartAsync(cluster, new Dictionary<string, string?> { ["LbOperator:Reports:Enabled"] = "false" });

        await ScenarioSteps.EventuallyAsync(async () => (await ListOwnAsync(client, ReportApi.PolicyReport)).Count == 0, "every report lb-operator wrote is deleted");
        // A delete is counted after the API server has answered it, so the count may trail the listing by a moment.
        var deletes = disabled.ReportMetrics.ReportWrites.WithLabels(ReportApi.PolicyReport.Resource, "delete");
        await Poll.UntilAsync(() => deletes.Value >= written, "every delete is counted");
        Assert.Equal(written, deletes.Value);
        Assert.Equal(0, disabled.ReportMetrics.ReportWrites.WithLabels(ReportApi.PolicyReport.Resource, "create").Value);
    }

    internal static double TotalWrites(OperatorUnderTest operatorUnderTest) =>
        ReportApi.All.SelectMany(api => new[] { "create", "update", "delete" }.Select(op => operatorUnderTest.ReportMetrics.ReportWrites.WithLabels(api.Resource, op).Value)).Sum();

    private static async Task<ReportDocument> ReportWhenAsync(IKubernetes client, ReportApi api, Func<ReportDocument, bool> condition, string what)
    {
        ReportDocument? report = null;
        await ScenarioSteps.EventuallyAsync(async () => (report = await ReadAsync(client, api)) is not null && condition(report),
            $"the {api.Kind} of {Namespace} shows that {what}");
        Assert.Equal((api.ApiVersion, api.Kind), (report!.ApiVersion, report.Kind));
        return report;
    }

    /// <summary>Every report lb-operator wrote, in every namespace (a real API server also has <c>default/kubernetes</c>).</summary>
    private static async Task<IList<ReportDocument>> ListOwnAsync(IKubernetes client, ReportApi api) =>
        (await client.CustomObjects.ListClusterCustomObjectAsync<ReportDocumentList>(api.Group, api.Version, api.Plural, labelSelector: ReportIdentity.LabelSelector)).Items;

    private static async Task<ReportDocument?> ReadAsync(IKubernetes client, ReportApi api)
    {
        try
        {
            return await client.CustomObjects.GetNamespacedCustomObjectAsync<ReportDocument>(api.Group, api.Version, Namespace, api.Plural, ReportIdentity.Name);
        }
        catch (HttpOperationException error) when (error.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
