namespace LbOperator.Core.Analysis;

/// <summary>The <c>lb-operator.io/*</c> annotations an object can carry to steer its own audit.</summary>
internal static class ObjectAnnotations
{
    public const string Ignore = "lb-operator.io/ignore";
    public const string WarnSkew = "lb-operator.io/warn-skew";
    public const string MaxSkew = "lb-operator.io/max-skew";

    public static bool IsIgnored(IReadOnlyDictionary<string, string> annotations) =>
        annotations.TryGetValue(Ignore, out var value)
        && string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
