using System.Text.Encodings.Web;
using System.Text.Json;

namespace LbOperator.Check.Reports;

/// <summary>Writer settings shared by the JSON and SARIF documents.</summary>
internal static class ReportJson
{
    /// <summary>Indented for people reading CI logs; relaxed escaping keeps "×" and "…" readable (the output is never embedded in HTML).</summary>
    public static JsonWriterOptions Options { get; } = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
