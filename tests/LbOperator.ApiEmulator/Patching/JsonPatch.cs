using System.Text.Json.Nodes;
using LbOperator.ApiEmulator.Storage;

namespace LbOperator.ApiEmulator.Patching;

/// <summary>JSON patch (RFC 6902): add, replace, remove and test on JSON-pointer paths.</summary>
public static class JsonPatch
{
    public static JsonObject Apply(JsonObject target, JsonArray operations)
    {
        foreach (var operation in operations.OfType<JsonObject>())
        {
            var op = (string?)operation["op"];
            var path = ((string?)operation["path"] ?? "").Split('/').Skip(1)
                .Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToList();
            if (path.Count == 0)
            {
                throw Invalid("the root document cannot be patched");
            }

            var parent = Navigate(target, path.SkipLast(1));
            var last = path[^1];
            switch (op)
            {
                case "add" or "replace":
                    Set(parent, last, operation["value"]?.DeepClone(), insert: op == "add");
                    break;
                case "remove":
                    Remove(parent, last);
                    break;
                case "test":
                    if (!JsonNode.DeepEquals(Read(parent, last), operation["value"]))
                    {
                        throw new ApiStatusException(422, "Invalid", $"the test operation on '/{string.Join('/', path)}' failed");
                    }

                    break;
                default:
                    throw Invalid($"unsupported JSON patch operation '{op}'");
            }
        }

        return target;
    }

    private static JsonNode Navigate(JsonNode root, IEnumerable<string> path)
    {
        var node = root;
        foreach (var segment in path)
        {
            node = Read(node, segment) ?? throw Invalid($"path segment '{segment}' does not exist");
        }

        return node;
    }

    private static JsonNode? Read(JsonNode parent, string key) => parent switch
    {
        JsonObject obj => obj[key],
        JsonArray array when int.TryParse(key, out var i) && i < array.Count => array[i],
        _ => null,
    };

    private static void Set(JsonNode parent, string key, JsonNode? value, bool insert)
    {
        switch (parent)
        {
            case JsonObject obj:
                obj[key] = value;
                break;
            case JsonArray array when key == "-":
                array.Add(value);
                break;
            case JsonArray array when int.TryParse(key, out var i) && i <= array.Count:
                if (insert)
                {
                    array.Insert(i, value);
                }
                else
                {
                    array[i] = value;
                }

                break;
            default:
                throw Invalid($"cannot set '{key}'");
        }
    }

    private static void Remove(JsonNode parent, string key)
    {
        var removed = parent switch
        {
            JsonObject obj => obj.Remove(key),
            JsonArray array when int.TryParse(key, out var i) && i < array.Count => RemoveAt(array, i),
            _ => false,
        };
        if (!removed)
        {
            throw Invalid($"cannot remove '{key}': it does not exist");
        }
    }

    private static bool RemoveAt(JsonArray array, int index)
    {
        array.RemoveAt(index);
        return true;
    }

    private static ApiStatusException Invalid(string message) => new(422, "Invalid", message);
}
