using k8s;
using k8s.Models;
using LbOperator.ApiEmulator;
using LbOperator.ApiEmulator.Faults;
using LbOperator.ApiEmulator.Resources;
using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Kubernetes.PolicyReports;
using LbOperator.Operator.Reports;
using LbOperator.Operator.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LbOperator.Operator.Tests.Reports;

public sealed class ReportKeeperTests : IAsyncLifetime
{
    private static readonly ObjectRef Web = new(ObjectKind.Service, "shop", "web");
    private static readonly ReportApi Api = ReportApi.PolicyReport;
    private static readonly AuditedFindings Skewed = new(Web, "v1", "uid-web",
        [new Finding("LB001", "TrafficSkew", Severity.Error, Web, "web", "web: skewed.", Skew: 3)]);

    private static readonly AuditedFindings Balanced = new(Web, "v1", "uid-web", []);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
    private KubeApiEmulator _emulator = null!;
    private k8s.Kubernetes _client = null!;
    private ReportKeeper _keeper = null!;

    public async Task InitializeAsync()
    {
        _emulator = await KubeApiEmulator.StartAsync();
        _emulator.InstallReportApi(ApiResourceCatalog.PolicyReportGroup);
        _client = _emulator.CreateClient();
        _keeper = new ReportKeeper(new ReportApiClient(_client, new PassThroughWriteGate()),
            new ReportMetrics(Prometheus.Metrics.NewCustomRegistry()), _time, NullLogger.Instance);
        await _keeper.LoadAsync(Api, [], CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task An_unchanged_audit_writes_nothing_and_a_changed_one_replaces_the_report_once()
    {
        await SyncAsync(Skewed);
        _time.Advance(TimeSpan.FromMinutes(10));
        await SyncAsync(Skewed);
        Assert.Equal((1, 0), Writes());

        await SyncAsync(Balanced);
        await SyncAsync(Balanced);

        Assert.Equal((1, 1), Writes());
        var result = Assert.Single((await ReadAsync()).Results!);
        Assert.Equal(("pass", _time.GetUtcNow().ToUnixTimeSeconds()), (result.Result, result.Timestamp!.Seconds));
    }

    [Fact]
    public async Task A_replace_keeps_the_labels_and_annotations_others_put_on_the_report()
    {
        await SyncAsync(Skewed);
        await _client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("""{"metadata":{"labels":{"team":"shop"},"annotations":{"note":"kept"}}}""", V1Patch.PatchType.MergePatch),
            Api.Group, Api.Version, "shop", Api.Plural, ReportIdentity.Name);
        await _keeper.LoadAsync(Api, [], CancellationToken.None);

        await SyncAsync(Balanced);

        var report = await ReadAsync();
        Assert.Equal(("shop", "lb-operator", "kept"), (report.Metadata.Labels["team"], report.Metadata.Labels[ReportIdentity.ManagedByLabel], report.Metadata.Annotations["note"]));
    }

    [Fact]
    public async Task A_namespace_without_audited_objects_loses_its_report()
    {
        await SyncAsync(Skewed);

        await SyncAsync();

        Assert.Equal(1, _emulator.RequestCount(ApiVerb.Delete, ApiResourceCatalog.PolicyReports));
        Assert.Empty(_emulator.Store.List(ApiResourceCatalog.PolicyReports, null, _ => true).Items);
    }

    [Fact]
    public async Task A_report_changed_behind_its_back_is_forgotten_so_the_next_pass_reads_it_again()
    {
        await SyncAsync(Skewed);
        await _client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("""{"metadata":{"labels":{"team":"shop"}}}""", V1Patch.PatchType.MergePatch),
            Api.Group, Api.Version, "shop", Api.Plural, ReportIdentity.Name);

        Assert.False(await _keeper.SyncAsync(Api, "shop", [Balanced], CancellationToken.None));

        Assert.False(_keeper.IsLoaded(Api));
        await _keeper.LoadAsync(Api, [], CancellationToken.None);
        Assert.True(await _keeper.SyncAsync(Api, "shop", [Balanced], CancellationToken.None));
        Assert.Equal("pass", Assert.Single((await ReadAsync()).Results!).Result);
    }

    private Task SyncAsync(params AuditedFindings[] audit) => _keeper.SyncAsync(Api, "shop", audit, CancellationToken.None);

    private (int Creates, int Updates) Writes() =>
        (_emulator.RequestCount(ApiVerb.Create, ApiResourceCatalog.PolicyReports), _emulator.RequestCount(ApiVerb.Update, ApiResourceCatalog.PolicyReports));

    private Task<ReportDocument> ReadAsync() =>
        _client.CustomObjects.GetNamespacedCustomObjectAsync<ReportDocument>(Api.Group, Api.Version, "shop", Api.Plural, ReportIdentity.Name);
}
