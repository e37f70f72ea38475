using System.Text.Json;
using LbOperator.Kubernetes.Manifests;

namespace LbOperator.Check.Reports;

/// <summary>
/// The run's invocation: whether it succeeded, and each input error as a tool execution notification
/// at its file, line and column, so that code-scanning UIs show why the results may be incomplete.
/// </summary>
internal static class SarifNotifications
{
    public static void Write(Utf8JsonWriter json, IReadOnlyList<InputDiagnostic> errors)
    {
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", errors.Count == 0);
        json.WriteStartArray("toolExecutionNotifications");
        foreach (var error in errors)
        {
            json.WriteStartObject();
            json.WriteString("level", "error");
            SarifReportWriter.WriteText(json, "message", error.Message);
            json.WriteStartArray("locations");
            json.WriteStartObject();
            SarifReportWriter.WritePhysicalLocation(json, error.File, error.Line, renderedFrom: null, error.Column);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }
}
