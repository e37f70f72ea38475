using System.Text;
using System.Text.Json;
using LbOperator.Core.Analysis;
using LbOperator.Core.Observed;
using LbOperator.Kubernetes.Manifests;

namespace LbOperator.Check.Reports;

/// <summary>
/// The JSON contract of <c>check --output json</c>. Finding fields are fixed:
/// rule, severity, kind, namespace, name, message, plus skew on LB001 (configured) and LB007 (observed) and blackholedShare on LB002.
/// After them: the input errors, and counts of what the input held.
/// </summary>
internal sealed class JsonReportWriter : IReportWriter
{
    public void Write(CheckResult result, TextWriter output, bool useColour)
    {
        var report = result.Report;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, ReportJson.Options))
        {
            json.WriteStartObject();
            json.WriteStartArray("findings");
            foreach (var finding in report.Findings)
            {
                WriteFinding(json, finding);
            }

            json.WriteEndArray();
            json.WriteStartArray("entryPoints");
            foreach (var entryPoint in report.EntryPoints)
            {
                WriteEntryPoint(json, entryPoint, result.Inputs.SourceOf(entryPoint.EntryPoint.Owner), result.Observed?.For(entryPoint));
            }

            json.WriteEndArray();
            WriteErrors(json, result.Errors);
            WriteInputs(json, result);
            if (result.Observed is { } observed)
            {
                ObservedJson.WriteObservation(json, observed);
            }

            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteFinding(Utf8JsonWriter json, Finding finding)
    {
        json.WriteStartObject();
        json.WriteString("rule", finding.RuleId);
        json.WriteString("severity", SeverityNames.Of(finding.Severity));
        json.WriteString("kind", finding.Object.KindName);
        json.WriteString("namespace", finding.Object.Namespace);
        json.WriteString("name", finding.Object.Name);
        json.WriteString("message", finding.Message);
        if ((finding.RuleId == Rules.TrafficSkew.Id || finding.RuleId == Rules.ObservedTrafficSkew.Id) && finding.Skew is { } skew)
        {
            json.WriteNumber("skew", Rounded(skew));
        }

        if (finding.RuleId == Rules.TrafficBlackholed.Id && finding.BlackholedShare is { } blackholed)
        {
            json.WriteNumber("blackholedShare", Rounded(blackholed));
        }

        json.WriteEndObject();
    }

    private static void WriteErrors(Utf8JsonWriter json, IReadOnlyList<InputDiagnostic> errors)
    {
        json.WriteStartArray("errors");
        foreach (var error in errors)
        {
            json.WriteStartObject();
            json.WriteString("file", error.File);
            json.WriteNumber("line", error.Line);
            json.WriteNumber("column", error.Column);
            json.WriteString("message", error.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteInputs(Utf8JsonWriter json, CheckResult result)
    {
        json.WriteStartObject("inputs");
        json.WriteNumber("objects", result.Inputs.Objects.Count);
        json.WriteNumber("fromCluster", result.FromCluster);
        json.WriteNumber("skipped", result.Inputs.Skipped.Count);
        json.WriteNumber("unknownEndpoints", result.UnknownEndpoints);
        json.WriteNumber("duplicates", result.Inputs.Duplicates.Count);
        json.WriteEndObject();
    }

    private static void WriteEntryPoint(Utf8JsonWriter json, EntryPointResult result, SourceLocation? source, ObservedComparison? observed)
    {
        var owner = result.EntryPoint.Owner;
        json.WriteStartObject();
        json.WriteString("kind", owner.KindName);
        json.WriteString("namespace", owner.Namespace);
        json.WriteString("name", owner.Name);
        json.WriteString("entryPoint", result.EntryPoint.Name);
        json.WriteStartArray("objects");
        foreach (var shaping in result.EntryPoint.Objects)
        {
            json.WriteStringValue(shaping.ToString());
        }

        json.WriteEndArray();
        json.WriteString("from", source?.IsCluster == true ? "cluster" : "file");
        json.WriteBoolean("endpointsKnown", result.EndpointsKnown);
        json.WriteNumber("poolSize", result.PoolSize);
        json.WriteNumber("skew", Rounded(result.Skew));
        json.WriteNumber("blackholedShare", Rounded(result.BlackholedShare));
        json.WriteString("cause", SkewCauseNames.Of(result.Cause));
        if (observed is not null)
        {
            ObservedJson.WriteEntryPoint(json, observed);
        }

        json.WriteStartArray("backends");
        foreach (var backend in result.Backends)
        {
            json.WriteStartObject();
            json.WriteString("namespace", backend.Namespace);
            json.WriteString("service", backend.Service);
            json.WriteNumber("share", Rounded(backend.Share));
            json.WriteNumber("readyEndpoints", backend.ReadyEndpoints);
            json.WriteBoolean("missing", backend.Missing);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("endpoints");
        var observedEndpoints = ObservedJson.ByEndpoint(observed);
        foreach (var endpoint in result.Endpoints)
        {
            json.WriteStartObject();
            json.WriteString("name", endpoint.Endpoint);
            json.WriteString("namespace", endpoint.Namespace);
            json.WriteString("service", endpoint.Service);
            json.WriteString("node", endpoint.Node);
            json.WriteString("zone", endpoint.Zone);
            json.WriteNumber("share", Rounded(endpoint.Share));
            ObservedJson.WriteEndpoint(json, observedEndpoints.GetValueOrDefault(endpoint));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteGroups(json, "nodes", result.Nodes);
        WriteGroups(json, "zones", result.Zones);
        json.WriteStartArray("notes");
        foreach (var note in result.Notes)
        {
            json.WriteStringValue(note);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteGroups(Utf8JsonWriter json, string property, IReadOnlyList<GroupShare> groups)
    {
        json.WriteStartArray(property);
        foreach (var group in groups)
        {
            json.WriteStartObject();
            json.WriteString("name", group.Key);
            json.WriteNumber("endpoints", group.Endpoints);
            json.WriteNumber("share", Rounded(group.Share));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>Shares like 1/6 print as 0.166667 rather than 17 digits of floating-point noise.</summary>
    internal static double Rounded(double value) => Math.Round(value, 6);
}
