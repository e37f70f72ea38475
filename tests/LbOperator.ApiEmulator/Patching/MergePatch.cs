using System.Text.Json.Nodes;

namespace LbOperator.ApiEmulator.Patching;

/// <summary>
/// JSON merge patch (RFC 7386). Also serves the strategic merge patches that mean the same
/// (<see cref="StrategicMergePatch"/>). Lists are replaced whole, as merge patch does.
/// </summary>
public static class MergePatch
{
    public static JsonObject Apply(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch.ToList())
        {
            if (value is null)
            {
                target.Remove(key);
            }
            else if (value is JsonObject patchChild)
            {
                if (target[key] is not JsonObject targetChild)
                {
                    targetChild = [];
                    target[key] = targetChild;
                }

                Apply(targetChild, patchChild);
            }
            else
            {
                target[key] = value.DeepClone();
            }
        }

        return target;
    }
}
