using System.Text.Json.Nodes;

namespace LbOperator.ApiEmulator.Patching;

/// <summary>
/// A strategic merge patch differs from a JSON merge patch only in lists (merged by their patch merge
/// keys, e.g. <c>ports</c> by <c>port</c>, instead of replaced) and in <c>$patch</c>-style directives. The
/// emulator does not know the merge keys, so it serves a strategic merge patch only when neither occurs,
/// where both mean the same; anything else is refused (415) rather than merged wrongly.
/// </summary>
public static class StrategicMergePatch
{
    /// <summary>The patch itself when it equals a JSON merge patch, else null.</summary>
    public static JsonObject? AsMergePatch(JsonObject patch) => IsPlain(patch) ? patch : null;

    private static bool IsPlain(JsonNode? node) => node switch
    {
        JsonArray => false,
        JsonObject map => map.All(pair => !pair.Key.StartsWith('$') && IsPlain(pair.Value)),
        _ => true,
    };
}
