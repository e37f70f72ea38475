using System.Globalization;
using System.Text.Json;
using LbOperator.Check.Observed;
using LbOperator.Core.Analysis;
using LbOperator.Core.Observed;
using LbOperator.Kubernetes.Observed;

namespace LbOperator.Check.Reports;

/// <summary>
/// The observed-traffic fields of the JSON report, written only with <c>--prometheus-url</c>: per entry
/// point <c>observedStatus</c> and, when judged, <c>observedSkew</c> and <c>observedRate</c>; per endpoint
/// <c>observedShare</c> and <c>observedRate</c>; and one <c>observation</c> object saying what was asked.
/// </summary>
internal static class ObservedJson
{
    public static void WriteEntryPoint(Utf8JsonWriter json, ObservedComparison comparison)
    {
        json.WriteString("observedStatus", StatusName(comparison.Status));
        if (comparison.Spread is { } spread)
        {
            json.WriteNumber("observedSkew", JsonReportWriter.Rounded(spread.Skew));
            json.WriteNumber("observedRate", JsonReportWriter.Rounded(spread.TotalRate));
        }
    }

    public static void WriteEndpoint(Utf8JsonWriter json, ObservedEndpoint? observed)
    {
        if (observed is not null)
        {
            json.WriteNumber("observedShare", JsonReportWriter.Rounded(observed.Share));
            json.WriteNumber("observedRate", JsonReportWriter.Rounded(observed.Rate));
        }
    }

    /// <summary>Each expected endpoint's observation, found by reference: the comparison keeps the expected records.</summary>
    public static IReadOnlyDictionary<EndpointShare, ObservedEndpoint> ByEndpoint(ObservedComparison? comparison) =>
        comparison?.Spread?.Endpoints.ToDictionary(e => e.Expected, ReferenceEqualityComparer.Instance as IEqualityComparer<EndpointShare>)
        ?? new Dictionary<EndpointShare, ObservedEndpoint>();

    public static void WriteObservation(Utf8JsonWriter json, ObservedCheckResult observed)
    {
        json.WriteStartObject("observation");
        json.WriteString("prometheusUrl", observed.Settings.PrometheusUrl.ToString());
        json.WriteString("at", observed.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        json.WriteString("window", GoDuration.Format(observed.Settings.Window));
        json.WriteString("query", observed.Settings.Query);
        json.WriteStartArray("problems");
        foreach (var problem in observed.Problems)
        {
            json.WriteStringValue(problem);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string StatusName(ObservedStatus status) => status switch
    {
        ObservedStatus.Judged => "judged",
        ObservedStatus.Idle => "idle",
        ObservedStatus.NotComparable => "notComparable",
        _ => "unavailable",
    };
}
