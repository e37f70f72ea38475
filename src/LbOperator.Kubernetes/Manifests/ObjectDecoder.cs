using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using k8s;
using k8s.Models;

namespace LbOperator.Kubernetes.Manifests;

/// <summary>
/// Decodes one object's JSON into its KubernetesClient model with KubernetesClient's own converters
/// (IntOrString, quantities, dates). Unlike the API server, a string field also accepts a number or
/// boolean as written (<c>version: 1</c> as a label), as YAML tools do.
/// </summary>
internal static partial class ObjectDecoder
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    public static IKubernetesObject<V1ObjectMeta> Decode(ReadOnlySpan<byte> json, Type model) =>
        (IKubernetesObject<V1ObjectMeta>)JsonSerializer.Deserialize(json, model, Options)!;

    public static IKubernetesObject<V1ObjectMeta> Decode(ref Utf8JsonReader reader, Type model) =>
        (IKubernetesObject<V1ObjectMeta>)JsonSerializer.Deserialize(ref reader, model, Options)!;

    /// <summary>"spec.ports[0].port: expected an integer" from System.Text.Json's message.</summary>
    public static string Describe(string kind, JsonException error)
    {
        var path = error.Path is { Length: > 1 } p ? p.TrimStart('$').TrimStart('.') + ": " : "";
        var message = error.Message;
        var target = ConvertTarget().Match(message);
        var what = target.Success ? "expected " + FriendlyTypeName(target.Groups["type"].Value) : FirstSentence(message);
        return $"invalid {kind}: {path}{what}";
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).Trim().TrimEnd('.');
    }

    private static string FriendlyTypeName(string clrName) => clrName switch
    {
        "System.String" => "a string",
        "System.Int32" or "System.Int64" or "System.Nullable`1[System.Int32]" or "System.Nullable`1[System.Int64]" => "an integer",
        "System.Boolean" or "System.Nullable`1[System.Boolean]" => "true or false",
        "System.Double" or "System.Nullable`1[System.Double]" => "a number",
        _ when clrName.StartsWith("System.Collections.Generic.IList", StringComparison.Ordinal) => "a list",
        _ when clrName.StartsWith("System.Collections.Generic.IDictionary", StringComparison.Ordinal) => "a mapping",
        _ => "a value of type " + clrName[(clrName.LastIndexOf('.') + 1)..],
    };

    private static JsonSerializerOptions CreateOptions()
    {
        JsonSerializerOptions? kubernetes = null;
        KubernetesJson.AddJsonOptions(options => kubernetes = options);
        var options = new JsonSerializerOptions(kubernetes!);
        options.Converters.Insert(0, new LenientStringConverter());
        return options;
    }

    [GeneratedRegex(@"could not be converted to (?<type>[^\s]+?)\.( |$)")]
    private static partial Regex ConvertTarget();

    private sealed class LenientStringConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => Encoding.UTF8.GetString(reader.ValueSpan),
            _ => throw new JsonException($"The JSON value could not be converted to {typeof(string)}."),
        };

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

        public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString()!;

        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);
    }
}
