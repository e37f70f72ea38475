using LbOperator.Check.Reports;
using LbOperator.Core.Analysis;
using LbOperator.Kubernetes.Manifests;

namespace LbOperator.Check;

/// <summary>One <c>check</c> run: load the manifests, analyse every entry point, write the report, pick the exit code.</summary>
internal static class CheckRunner
{
    /// <summary>A rendered chart carries no EndpointSlices; a Service without any is "not described", not "empty".</summary>
    private static readonly AnalysisPolicy ManifestPolicy = AnalysisPolicy.Default with { EndpointsMayBeAbsent = true };

    public static int Run(CheckSettings settings, CheckConsole console)
    {
        ManifestSet manifests;
        try
        {
            manifests = ManifestLoader.Load(settings.Paths, console.Input);
        }
        catch (ManifestException ex)
        {
            console.Error.WriteLine(ex.Message);
            return ExitCodes.UsageOrInputError;
        }

        CheckDiagnostics.Write(manifests, console.Error);
        var report = new TrafficAnalyzer(ManifestPolicy with { LoadBalancer = settings.LoadBalancer }).AnalyzeAll(manifests.ToClusterView());
        switch (settings.Format)
        {
            case OutputFormat.Json:
                JsonReportWriter.Write(report, console.Output);
                break;
            case OutputFormat.Sarif:
                SarifReportWriter.Write(report, manifests, console.Output);
                break;
            default:
                new TextReportWriter(console.Output, console.UseColour).Write(report, manifests);
                break;
        }

        console.Output.Flush();
        return report.Findings.Any(finding => finding.Severity >= settings.FailOn) ? ExitCodes.Findings : ExitCodes.Clean;
    }
}
