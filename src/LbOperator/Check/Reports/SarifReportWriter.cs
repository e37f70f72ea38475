using System.Reflection;
using System.Text;
using System.Text.Json;
using LbOperator.Core.Analysis;
using LbOperator.Kubernetes.Manifests;

namespace LbOperator.Check.Reports;

/// <summary>
/// SARIF 2.1.0 for code-scanning UIs: one run, the rule catalogue as the driver's rules, and one result
/// per finding located at the manifest (and line) where the object carrying the cause was defined.
/// Input errors are the invocation's tool execution notifications.
/// </summary>
internal sealed class SarifReportWriter : IReportWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public const string StdinUri = "stdin";

    public void Write(CheckResult result, TextWriter output, bool useColour)
    {
        var report = result.Report;
        var manifests = result.Inputs;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, ReportJson.Options))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json);
            SarifNotifications.Write(json, result.Errors);
            json.WriteStartArray("results");
            foreach (var finding in report.Findings)
            {
                WriteResult(json, finding, manifests.SourceOf(finding.Object));
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteTool(Utf8JsonWriter json)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "lb-operator");
        json.WriteString("version", ToolVersion());
        json.WriteStartArray("rules");
        foreach (var rule in Rules.All)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", rule.Name);
            WriteText(json, "shortDescription", rule.Description);
            WriteText(json, "help", rule.Help);
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", LevelOf(rule.DefaultSeverity));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Finding finding, SourceLocation? source)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        var index = Rules.IndexOf(finding.RuleId);
        if (index >= 0)
        {
            json.WriteNumber("ruleIndex", index);
        }

        json.WriteString("level", LevelOf(finding.Severity));
        WriteText(json, "message", finding.Message);
        json.WriteStartArray("locations");
        json.WriteStartObject();
        if (source is not null)
        {
            WritePhysicalLocation(json, source);
        }

        json.WriteStartArray("logicalLocations");
        json.WriteStartObject();
        json.WriteString("name", finding.Object.Name);
        json.WriteString("fullyQualifiedName", finding.Object.ToString());
        json.WriteString("kind", "resource");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("properties");
        json.WriteString("entryPoint", finding.EntryPoint);
        if (finding.Skew is { } skew)
        {
            json.WriteNumber("skew", Math.Round(skew, 6));
        }

        if (finding.BlackholedShare is { } blackholed)
        {
            json.WriteNumber("blackholedShare", Math.Round(blackholed, 6));
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// GitHub code scanning rejects a whole upload when one result lacks a physical location, so
    /// objects piped in get one too: the Helm template named by its <c># Source:</c> comment (the line
    /// in the template is unknown), else the pseudo-file <c>stdin</c> and the line in the stream.
    /// </summary>
    private static void WritePhysicalLocation(Utf8JsonWriter json, SourceLocation source)
    {
        if (source.IsCluster)
        {
            return;
        }

        WritePhysicalLocation(json, source.File, source.Line, source.RenderedFrom, column: null);
    }

    public static void WritePhysicalLocation(Utf8JsonWriter json, string file, int line, string? renderedFrom, int? column)
    {
        var (uri, startLine) = (file == SourceLocation.StdinName, renderedFrom) switch
        {
            (false, _) => (SarifUri.Of(file), line > 0 ? (int?)line : null),
            (true, { } template) => (SarifUri.Of(template), null),
            _ => (StdinUri, line),
        };
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", uri);
        json.WriteEndObject();
        if (startLine is { } at)
        {
            json.WriteStartObject("region");
            json.WriteNumber("startLine", at);
            if (column is > 0)
            {
                json.WriteNumber("startColumn", column.Value);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    public static void WriteText(Utf8JsonWriter json, string property, string text)
    {
        json.WriteStartObject(property);
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    /// <summary>SARIF has no "info" level; "note" is its lowest.</summary>
    private static string LevelOf(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    private static string ToolVersion()
    {
        var version = typeof(SarifReportWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var metadata = version.IndexOf('+', StringComparison.Ordinal);
        return metadata < 0 ? version : version[..metadata];
    }
}
