namespace LbOperator.Core.Analysis;

/// <summary>
/// The <c>lb-operator.io/*</c> annotations an object can carry to steer its own audit; the one place
/// they are named and read, for the CLI, the operator and the webhook.
/// </summary>
public static class ObjectAnnotations
{
    /// <summary><c>"true"</c> skips the object entirely.</summary>
    public const string Ignore = "lb-operator.io/ignore";

    /// <summary>Rule ids, comma separated (<c>"LB004,LB006"</c>), whose findings on this object are dropped.</summary>
    public const string IgnoreRules = "lb-operator.io/ignore-rules";

    public const string WarnSkew = "lb-operator.io/warn-skew";

    public const string MaxSkew = "lb-operator.io/max-skew";

    /// <summary><c>off</c>, <c>warn</c> or <c>enforce</c>: the webhook's mode for this one object, over the namespace and cluster mode.</summary>
    public const string Enforce = "lb-operator.io/enforce";

    public static bool IsIgnored(IReadOnlyDictionary<string, string>? annotations) =>
        annotations is not null
        && annotations.TryGetValue(Ignore, out var value)
        && string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <c>lb-operator.io/ignore-rules</c> lists the rule (ids compared without regard to case or spaces).</summary>
    public static bool IgnoresRule(IReadOnlyDictionary<string, string>? annotations, string ruleId)
    {
        if (annotations is null || !annotations.TryGetValue(IgnoreRules, out var value))
        {
            return false;
        }

        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (string.Equals(part, ruleId, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static string? EnforceMode(IReadOnlyDictionary<string, string>? annotations) =>
        annotations is not null && annotations.TryGetValue(Enforce, out var value) ? value : null;
}
