using System.Globalization;
using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.Findings;

/// <summary>
/// Reads <c>lb-operator.io/warn-skew</c> and <c>lb-operator.io/max-skew</c>. A value that is not a
/// positive number is ignored (the policy value stays) and reported as a note, never as a crash.
/// </summary>
internal static class ThresholdOverrides
{
    public static AnalysisPolicy Apply(AnalysisPolicy policy, IReadOnlyDictionary<string, string> annotations, ObjectRef target, ICollection<string>? problems)
    {
        if (annotations.Count == 0)
        {
            return policy;
        }

        var warn = Read(annotations, ObjectAnnotations.WarnSkew, policy.WarnSkew, target, problems);
        var max = Read(annotations, ObjectAnnotations.MaxSkew, policy.MaxSkew, target, problems);
        return warn == policy.WarnSkew && max == policy.MaxSkew ? policy : policy with { WarnSkew = warn, MaxSkew = max };
    }

    private static double Read(IReadOnlyDictionary<string, string> annotations, string key, double fallback, ObjectRef target, ICollection<string>? problems)
    {
        if (!annotations.TryGetValue(key, out var raw))
        {
            return fallback;
        }

        if (double.TryParse(raw.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value)
            && value > 0)
        {
            return value;
        }

        problems?.Add(string.Create(
            CultureInfo.InvariantCulture,
            $"annotation {key} on {target}: \"{raw}\" is not a positive number and is ignored; using {MessageText.Ratio(fallback)}"));
        return fallback;
    }
}
