using System.Text.Json.Nodes;
using LbOperator.ApiEmulator.Resources;

namespace LbOperator.ApiEmulator.Storage;

/// <summary>
/// An object as persisted: its serialized JSON (what list, get and watch write verbatim) and the few
/// fields selection needs. Kept as bytes so 10,000s of objects stay cheap.
/// </summary>
public sealed class StoredObject
{
    public StoredObject(ApiResource resource, string @namespace, string name, long resourceVersion,
        IReadOnlyDictionary<string, string> labels, byte[] json)
    {
        Resource = resource;
        Namespace = @namespace;
        Name = name;
        ResourceVersion = resourceVersion;
        Labels = labels;
        Json = json;
    }

    public ApiResource Resource { get; }

    /// <summary>Empty for cluster-scoped resources.</summary>
    public string Namespace { get; }

    public string Name { get; }

    public long ResourceVersion { get; }

    public IReadOnlyDictionary<string, string> Labels { get; }

    public byte[] Json { get; }

    /// <summary>A fresh mutable copy of the object.</summary>
    public JsonObject ToJsonObject() => JsonNode.Parse(Json)!.AsObject();
}
