using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LbOperator.ApiEmulator.Resources;

namespace LbOperator.ApiEmulator.Storage;

/// <summary>Stamps the server-owned metadata (resourceVersion, uid, creationTimestamp, generation) and serializes.</summary>
internal static class StoredObjectFactory
{
    public static StoredObject Create(ApiResource resource, string @namespace, string name, long resourceVersion,
        JsonObject body, StoredObject? previous, DateTimeOffset now)
    {
        body["apiVersion"] = resource.ApiVersion;
        body["kind"] = resource.Kind;
        if (body["metadata"] is not JsonObject metadata)
        {
            metadata = [];
            body["metadata"] = metadata;
        }

        var previousMetadata = previous?.ToJsonObject()["metadata"] as JsonObject;
        metadata["name"] = name;
        if (resource.Namespaced)
        {
            metadata["namespace"] = @namespace;
        }
        else
        {
            metadata.Remove("namespace");
        }

        metadata["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture);
        metadata["uid"] = (string?)previousMetadata?["uid"] ?? Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = (string?)previousMetadata?["creationTimestamp"]
            ?? now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        metadata["generation"] = (long?)previousMetadata?["generation"] ?? 1;

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (metadata["labels"] is JsonObject labelNode)
        {
            foreach (var (key, value) in labelNode)
            {
                labels[key] = value?.ToString() ?? "";
            }
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            body.WriteTo(writer);
        }

        return new StoredObject(resource, @namespace, name, resourceVersion, labels, buffer.WrittenSpan.ToArray());
    }
}
