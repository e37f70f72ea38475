using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace LbOperator.Kubernetes.Observed;

/// <summary>
/// Runs instant queries against the Prometheus HTTP API (<c>GET /api/v1/query</c>) at an explicit
/// evaluation time, so callers with an injected clock get deterministic answers.
/// </summary>
public sealed class PrometheusClient
{
    private readonly HttpClient _http;
    private readonly Uri _baseUrl;

    /// <param name="baseUrl">Where Prometheus serves its API, e.g. <c>http://prometheus.monitoring:9090</c>; a path prefix is kept.</param>
    public PrometheusClient(HttpClient http, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(baseUrl);
        _http = http;
        _baseUrl = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
    }

    public Uri BaseUrl => _baseUrl;

    /// <summary>The instant vector the query evaluates to at <paramref name="time"/>.</summary>
    /// <exception cref="PrometheusQueryException">Unreachable, a non-success answer, or a result that is not a vector.</exception>
    public async Task<IReadOnlyList<PrometheusSample>> QueryAsync(string query, DateTimeOffset time, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        var at = (time.ToUnixTimeMilliseconds() / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);
        var url = new Uri(_baseUrl, $"api/v1/query?query={Uri.EscapeDataString(query)}&time={at}");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
            return Read(document.RootElement, (int)response.StatusCode);
        }
        catch (HttpRequestException error)
        {
            throw new PrometheusQueryException($"Prometheus at {_baseUrl} is unreachable: {error.Message}", error);
        }
        catch (JsonException error)
        {
            throw new PrometheusQueryException($"Prometheus at {_baseUrl} answered something that is not its API's JSON: {error.Message}", error);
        }
        catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PrometheusQueryException($"Prometheus at {_baseUrl} did not answer in time.", error);
        }
    }

    private static List<PrometheusSample> Read(JsonElement root, int statusCode)
    {
        var status = root.TryGetProperty("status", out var s) ? s.GetString() : null;
        if (status != "success")
        {
            var type = root.TryGetProperty("errorType", out var t) ? t.GetString() : "unknown";
            var message = root.TryGetProperty("error", out var e) ? e.GetString() : "no error message";
            throw new PrometheusQueryException($"Prometheus answered HTTP {statusCode}, {type}: {message}");
        }

        var data = root.GetProperty("data");
        var resultType = data.GetProperty("resultType").GetString();
        if (resultType != "vector")
        {
            throw new PrometheusQueryException($"The query returned a {resultType}, not an instant vector.");
        }

        var samples = new List<PrometheusSample>();
        foreach (var element in data.GetProperty("result").EnumerateArray())
        {
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var label in element.GetProperty("metric").EnumerateObject())
            {
                labels[label.Name] = label.Value.GetString() ?? "";
            }

            var raw = element.GetProperty("value")[1].GetString();
            var value = double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : double.NaN;
            samples.Add(new PrometheusSample(labels, value));
        }

        return samples;
    }
}
