using System.Text.Json;
using System.Text.Json.Serialization;
using k8s.Models;

namespace LbOperator.Runtime;

/// <summary>
/// Reads <c>metadata.managedFields</c> as absent. Nothing here reads them, yet they are a quarter to
/// half of every listed object's bytes, and each entry's <c>fieldsV1</c> would be decoded into its own
/// JSON document, only for the informer caches to drop it (as client-go's do). Writing keeps whatever a
/// caller set, so an update of an object read this way sends no managedFields, and the API server then
/// keeps the ones it has.
/// </summary>
public sealed class ManagedFieldsSkipped : JsonConverter<IList<V1ManagedFieldsEntry>>
{
    /// <summary>Makes <paramref name="options"/> read managedFields as absent; options already in use cannot change.</summary>
    public static void Apply(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Converters.Any(converter => converter is ManagedFieldsSkipped))
        {
            options.Converters.Insert(0, new ManagedFieldsSkipped());
        }
    }

    public override IList<V1ManagedFieldsEntry>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // A value given to a converter is complete in the buffer, even when the payload is read from a stream in parts.
        if (!reader.TrySkip())
        {
            throw new JsonException("managedFields arrived incomplete.");
        }

        return null;
    }

    public override void Write(Utf8JsonWriter writer, IList<V1ManagedFieldsEntry> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.ToList(), options);
}
