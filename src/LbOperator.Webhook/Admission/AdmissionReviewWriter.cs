using System.Buffers;
using System.Text.Json;

namespace LbOperator.Webhook.Admission;

/// <summary>Writes an admission.k8s.io/v1 AdmissionReview carrying a response.</summary>
public static class AdmissionReviewWriter
{
    public static void Write(IBufferWriter<byte> output, AdmissionResponse response)
    {
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteString("apiVersion", AdmissionReviewReader.ApiVersion);
        json.WriteString("kind", AdmissionReviewReader.Kind);
        json.WriteStartObject("response");
        json.WriteString("uid", response.Uid);
        json.WriteBoolean("allowed", response.Allowed);
        if (response.Status is { } status)
        {
            json.WriteStartObject("status");
            json.WriteString("status", "Failure");
            json.WriteNumber("code", status.Code);
            json.WriteString("reason", status.Reason);
            json.WriteString("message", status.Message);
            json.WriteEndObject();
        }

        if (response.Warnings.Count > 0)
        {
            json.WriteStartArray("warnings");
            foreach (var warning in response.Warnings)
            {
                json.WriteStringValue(warning);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    public static byte[] ToBytes(AdmissionResponse response)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        Write(buffer, response);
        return buffer.WrittenSpan.ToArray();
    }
}
