using LbOperator.Check.Cluster;
using LbOperator.Check.Observed;
using LbOperator.Check.Reports;
using LbOperator.Commands;
using LbOperator.Core.Analysis;
using LbOperator.Kubernetes.Manifests;

namespace LbOperator.Check;

/// <summary>One <c>check</c> run: read the inputs (and the cluster), analyse every entry point, write the report, pick the exit code.</summary>
internal static class CheckRunner
{
    public static async Task<int> RunAsync(CheckSettings settings, CliConsole console, CancellationToken cancellationToken)
    {
        var inputs = ManifestLoader.Load(settings.Paths, console.Input, settings.Read);
        if (settings.Cluster is { } cluster)
        {
            ClusterSnapshot snapshot;
            try
            {
                snapshot = await ClusterReader.ReadAsync(cluster, cancellationToken).ConfigureAwait(false);
            }
            catch (ClusterReadException unreachable)
            {
                console.Error.WriteLine($"lb-operator check: {unreachable.Message}");
                return ExitCodes.UsageOrInputError;
            }

            inputs = inputs.Over(snapshot.Objects);
            CheckDiagnostics.WriteCluster(snapshot, inputs, console.Error, settings.Quiet);
        }

        var errors = settings.SkipInvalid ? [] : inputs.Errors.ToArray();
        CheckDiagnostics.Write(inputs, settings, console.Error);
        var view = inputs.ToClusterView();
        var report = new TrafficAnalyzer(settings.Policy).AnalyzeAll(view);
        ObservedCheckResult? observed = null;
        if (settings.Observed is { } observing)
        {
            observed = await ObservedCheck.RunAsync(observing, view, report, settings.Policy, console.Time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            CheckDiagnostics.WriteObserved(observed, console.Error, settings.Quiet);
            report = report with { Findings = [.. report.Findings, .. observed.Findings] };
        }

        var result = new CheckResult(report, inputs, settings, errors, observed) { Now = console.Time.GetUtcNow() };
        using (var output = new BufferedTextWriter(console.Output))
        {
            ReportWriters.For(settings.Format).Write(result, output, console.UseColour);
        }

        // Without Prometheus the configuration is still judged; only a run that judged nothing at all is an error.
        if (errors.Length > 0 || (observed is { ClusterQueryFailed: true } && !report.EntryPoints.Any(e => e.EndpointsKnown)))
        {
            return ExitCodes.UsageOrInputError;
        }

        return report.Findings.Any(result.Fails) ? ExitCodes.Findings : ExitCodes.Clean;
    }
}
