using LbOperator.Check.Cluster;
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
        var report = new TrafficAnalyzer(settings.Policy).AnalyzeAll(inputs.ToClusterView());
        var result = new CheckResult(report, inputs, settings, errors) { Now = console.Time.GetUtcNow() };
        ReportWriters.For(settings.Format).Write(result, console.Output, console.UseColour);
        console.Output.Flush();
        if (errors.Length > 0)
        {
            return ExitCodes.UsageOrInputError;
        }

        return report.Findings.Any(result.Fails) ? ExitCodes.Findings : ExitCodes.Clean;
    }
}
