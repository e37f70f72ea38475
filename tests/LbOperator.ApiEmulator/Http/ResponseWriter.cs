using System.Globalization;
using System.Text.Json;
using k8s;
using LbOperator.ApiEmulator.Storage;
using Microsoft.AspNetCore.Http;

namespace LbOperator.ApiEmulator.Http;

/// <summary>Writes bodies exactly as the API server does: objects, <c>XList</c> envelopes and <c>Status</c> errors.</summary>
internal static class ResponseWriter
{
    public static async Task ObjectAsync(HttpResponse response, int statusCode, StoredObject item)
    {
        response.StatusCode = statusCode;
        response.ContentType = "application/json";
        await response.Body.WriteAsync(item.Json);
    }

    public static async Task JsonAsync(HttpResponse response, int statusCode, object body)
    {
        response.StatusCode = statusCode;
        response.ContentType = "application/json";
        await response.WriteAsync(KubernetesJson.Serialize(body));
    }

    public static async Task ListAsync(HttpResponse response, string apiVersion, string listKind, IReadOnlyList<StoredObject> items, long resourceVersion)
    {
        response.StatusCode = 200;
        response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(response.Body);
        writer.WriteStartObject();
        writer.WriteString("kind", listKind);
        writer.WriteString("apiVersion", apiVersion);
        writer.WriteStartObject("metadata");
        writer.WriteString("resourceVersion", resourceVersion.ToString(CultureInfo.InvariantCulture));
        writer.WriteEndObject();
        writer.WriteStartArray("items");
        foreach (var item in items)
        {
            writer.WriteRawValue(item.Json, skipInputValidation: true);
            if (writer.BytesPending > 64 * 1024)
            {
                await writer.FlushAsync();
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync();
    }

    public static async Task StatusAsync(HttpResponse response, ApiStatusException error)
    {
        response.StatusCode = error.Code;
        response.ContentType = "application/json";
        await response.WriteAsync(StatusBody.Json(error));
    }
}
