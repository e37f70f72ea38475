using System.Text;
using System.Text.Json;

namespace LbOperator.Kubernetes.Protobuf;

/// <summary>
/// meta/v1 Status, the body of a refused request, which the API server encodes as the request asked. Read
/// from protobuf and written as the JSON the server would have sent, so errors read the same either way.
/// </summary>
public static class StatusDecoder
{
    private static ReadOnlySpan<byte> Magic => "k8s\0"u8;

    /// <summary>The Status inside a protobuf envelope, as JSON; null when the body is not one.</summary>
    public static string? TryReadAsJson(ReadOnlySpan<byte> body)
    {
        if (!body.StartsWith(Magic))
        {
            return null;
        }

        try
        {
            var envelope = new ProtobufReader(body[Magic.Length..]);
            while (!envelope.End)
            {
                switch (envelope.ReadTag())
                {
                    case (2, WireType.LengthDelimited): return Json(envelope.ReadMessage());
                    case var (_, type): envelope.Skip(type); break;
                }
            }
        }
        catch (InvalidDataException)
        {
            return null;
        }

        return null;
    }

    private static string Json(ProtobufReader reader)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("kind", "Status");
            json.WriteString("apiVersion", "v1");
            json.WriteStartObject("metadata");
            json.WriteEndObject();
            while (!reader.End)
            {
                switch (reader.ReadTag())
                {
                    case (2, WireType.LengthDelimited): json.WriteString("status", reader.ReadString()); break;
                    case (3, WireType.LengthDelimited): json.WriteString("message", reader.ReadString()); break;
                    case (4, WireType.LengthDelimited): json.WriteString("reason", reader.ReadString()); break;
                    case (6, WireType.Varint): json.WriteNumber("code", reader.ReadInt32()); break;
                    case var (_, type): reader.Skip(type); break;
                }
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
