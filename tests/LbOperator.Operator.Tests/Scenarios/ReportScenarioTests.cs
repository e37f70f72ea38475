using LbOperator.ApiEmulator.Backends;
using LbOperator.Operator.Tests.Support;

namespace LbOperator.Operator.Tests.Scenarios;

/// <summary>The operator keeps PolicyReports and openreports Reports; on the emulator and, when KUBEBUILDER_ASSETS is set, on a real API server.</summary>
public sealed class ReportScenarioTests
{
    [Theory]
    [ApiServerBackend(ApiServerBackend.Emulator)]
    [ApiServerBackend(ApiServerBackend.Envtest)]
    public async Task The_outage_gives_a_failing_LB001_result_with_skew_three_in_both_report_apis_and_the_fix_turns_it_into_a_pass(ApiServerBackend backend)
    {
        await using var server = await StartAsync(backend);
        await ReportScenarioSteps.OutageFailsLb001AndTheFixPasses(server.ClientConfiguration());
    }

    [Theory]
    [ApiServerBackend(ApiServerBackend.Emulator)]
    [ApiServerBackend(ApiServerBackend.Envtest)]
    public async Task A_restart_writes_no_report_update(ApiServerBackend backend)
    {
        await using var server = await StartAsync(backend);
        await ReportScenarioSteps.ARestartWritesNoReportUpdate(server.ClientConfiguration());
    }

    [Theory]
    [ApiServerBackend(ApiServerBackend.Emulator)]
    [ApiServerBackend(ApiServerBackend.Envtest)]
    public async Task A_namespace_without_audited_objects_loses_its_report(ApiServerBackend backend)
    {
        await using var server = await StartAsync(backend);
        await ReportScenarioSteps.ANamespaceWithoutAuditedObjectsLosesItsReport(server.ClientConfiguration());
    }

    [Theory]
    [ApiServerBackend(ApiServerBackend.Emulator)]
    [ApiServerBackend(ApiServerBackend.Envtest)]
    public async Task Disabling_reports_deletes_the_reports_written_earlier(ApiServerBackend backend)
    {
        await using var server = await StartAsync(backend);
        await ReportScenarioSteps.DisablingReportsDeletesTheReportsWritten(server.ClientConfiguration());
    }

    private static async Task<IApiServer> StartAsync(ApiServerBackend backend)
    {
        var server = await ApiServers.StartAsync(backend);
        using var client = new k8s.Kubernetes(server.ClientConfiguration());
        foreach (var name in new[] { ScenarioSteps.Namespace, "ops" })
        {
            await client.EnsureNamespaceAsync(name);
        }

        await server.InstallReportApiAsync("wgpolicyk8s.io", CancellationToken.None);
        await server.InstallReportApiAsync("openreports.io", CancellationToken.None);
        return server;
    }
}
