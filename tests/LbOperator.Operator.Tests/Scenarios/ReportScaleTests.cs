using k8s;
using k8s.Models;
using LbOperator.ApiEmulator;
using LbOperator.ApiEmulator.Faults;
using LbOperator.ApiEmulator.Resources;
using LbOperator.Kubernetes.PolicyReports;
using LbOperator.Operator.Tests.Support;

namespace LbOperator.Operator.Tests.Scenarios;

/// <summary>
/// 10,000 Services in 20 namespaces on the emulator, counting the report writes the emulator serves:
/// the first full audit creates one report per namespace and API, later full audits write nothing, a
/// restart writes nothing, and a full audit that changes every namespace's results updates each report once.
/// </summary>
[Collection(ScaleCollection.Name)]
public sealed class ReportScaleTests : IAsyncLifetime
{
    private const int Services = 10_000;
    private const int Namespaces = 20;
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    /// <summary>Full audits of 10,000 keys a few seconds apart rather than back to back, so the machine is not saturated.</summary>
    private static readonly Dictionary<string, string?> Settings = new() { ["LbOperator:ResyncPeriod"] = "00:00:05" };

    private KubeApiEmulator _emulator = null!;

    public async Task InitializeAsync()
    {
        _emulator = await KubeApiEmulator.StartAsync(new KubeApiEmulatorOptions { HistoryLimit = 1000 });
        _emulator.InstallReportApi(ApiResourceCatalog.PolicyReportGroup);
        _emulator.InstallReportApi(ApiResourceCatalog.OpenReportsGroup);
        _emulator.Objects.Apply(new V1Namespace { ApiVersion = "v1", Kind = "Namespace", Metadata = new V1ObjectMeta { Name = "ops" } });
        foreach (var item in ScaleCluster.Objects(Services, endpointsPerService: 5, nodes: 100, zones: 3))
        {
            _ = item switch
            {
                V1Node node => (object)_emulator.Objects.Apply(node),
                V1Service service => _emulator.Objects.Apply(service),
                V1EndpointSlice slice => _emulator.Objects.Apply(slice),
                _ => throw new InvalidOperationException($"Unexpected {item.Kind}."),
            };
        }
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task A_full_audit_writes_at_most_one_report_per_namespace_and_a_steady_state_or_a_restart_writes_none()
    {
        await using (var first = await OperatorUnderTest.StartAsync(_emulator.ClientConfiguration(), Settings, Deadline))
        {
            await InSyncAsync(first, "the first full audit");
            Assert.Equal((Namespaces, 0), Writes(ApiResourceCatalog.PolicyReports));
            Assert.Equal((Namespaces, 0), Writes(ApiResourceCatalog.OpenReports));
            using var client = _emulator.CreateClient();
            // Namespace = Service index mod 20, and every tenth Service is skewed: scale-0 and scale-10 hold only skewed ones.
            Assert.Equal(new ReportSummary(pass: 0, fail: 500, warn: 0, error: 0, skip: 0), (await ReadAsync(client, "scale-0")).Summary);
            Assert.Equal(new ReportSummary(pass: 500, fail: 0, warn: 0, error: 0, skip: 0), (await ReadAsync(client, "scale-1")).Summary);

            var audits = first.Metrics.LastFullAudit.Value;
            await PollAsync(() => first.Metrics.LastFullAudit.Value > audits, "another full audit finished");
            await InSyncAsync(first, "the steady state");
            Assert.Equal((Namespaces, 0), Writes(ApiResourceCatalog.PolicyReports));
        }

        await using (var restarted = await OperatorUnderTest.StartAsync(_emulator.ClientConfiguration(), Settings, Deadline))
        {
            await InSyncAsync(restarted, "the restart");
            Assert.Equal(0, ReportScenarioSteps.TotalWrites(restarted));
        }

        // While no operator runs, one Service of every namespace goes away: the next full audit changes every report.
        for (var s = 20; s < 20 + Namespaces; s++)
        {
            _emulator.Objects.Delete<V1Service>($"scale-{s % Namespaces}", $"svc-{s}");
            _emulator.Objects.Delete<V1EndpointSlice>($"scale-{s % Namespaces}", $"svc-{s}-a");
        }

        await using var changed = await OperatorUnderTest.StartAsync(_emulator.ClientConfiguration(), Settings, Deadline);
        await PollAsync(() => _emulator.RequestCount(ApiVerb.Update, ApiResourceCatalog.OpenReports) >= Namespaces, "every namespace's report is updated");
        await InSyncAsync(changed, "a full audit that changed every namespace");
        Assert.Equal((Namespaces, Namespaces), Writes(ApiResourceCatalog.PolicyReports));
        Assert.Equal((Namespaces, Namespaces), Writes(ApiResourceCatalog.OpenReports));
        using var reader = _emulator.CreateClient();
        Assert.Equal(499, (await ReadAsync(reader, "scale-1")).Results!.Count);
    }

    private static Task<ReportDocument> ReadAsync(IKubernetes client, string @namespace) =>
        client.CustomObjects.GetNamespacedCustomObjectAsync<ReportDocument>(
            ReportApi.PolicyReport.Group, ReportApi.PolicyReport.Version, @namespace, ReportApi.PolicyReport.Plural, ReportIdentity.Name);

    private (int Creates, int Updates) Writes(ApiResource resource) =>
        (_emulator.RequestCount(ApiVerb.Create, resource), _emulator.RequestCount(ApiVerb.Update, resource) + _emulator.RequestCount(ApiVerb.Patch, resource));

    private static async Task InSyncAsync(OperatorUnderTest operatorUnderTest, string when)
    {
        var since = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        await PollAsync(() => operatorUnderTest.ReportMetrics.LastInSync.Value >= since, $"every report is in line after {when}");
    }

    private static async Task PollAsync(Func<bool> condition, string what)
    {
        var giveUp = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < giveUp, $"Gave up waiting until {what}.");
            await Task.Delay(50);
        }
    }
}
