using System.Text.Json.Nodes;
using LbOperator.ApiEmulator.Resources;
using LbOperator.ApiEmulator.Storage;

namespace LbOperator.ApiEmulator.Selection;

/// <summary>
/// The <c>fieldSelector</c> query parameter: comma-separated <c>path=value</c> / <c>path!=value</c>
/// on dotted JSON paths such as <c>metadata.name</c> or <c>involvedObject.name</c>, limited to the
/// fields kube-apiserver supports for the resource (<see cref="SelectableFields"/>); others are a 400.
/// </summary>
public static class FieldSelector
{
    public static Func<StoredObject, bool> Parse(string? selector, ApiResource resource)
    {
        if (string.IsNullOrWhiteSpace(selector))
        {
            return _ => true;
        }

        var requirements = selector.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(r => EqualityRequirement.Parse<StoredObject>(r, Read)
                ?? throw new ApiStatusException(400, "BadRequest", $"invalid field selector: '{r}'"))
            .ToList();
        foreach (var field in selector.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => r.Split('=', '!')[0].Trim()))
        {
            if (!SelectableFields.Supports(resource, field))
            {
                throw new ApiStatusException(400, "BadRequest", $"field label not supported: {field}");
            }
        }

        return o => requirements.TrueForAll(r => r(o));
    }

    private static string? Read(StoredObject item, string path) => path switch
    {
        "metadata.name" => item.Name,
        "metadata.namespace" => item.Namespace,
        "source" => ReadPath(item.ToJsonObject(), "source.component"),
        _ => ReadPath(item.ToJsonObject(), path),
    };

    private static string? ReadPath(JsonObject root, string path)
    {
        JsonNode? node = root;
        foreach (var segment in path.Split('.'))
        {
            node = node is JsonObject obj ? obj[segment] : null;
        }

        return node?.ToString();
    }
}
