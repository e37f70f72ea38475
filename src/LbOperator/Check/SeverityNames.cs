using LbOperator.Core.Analysis;

namespace LbOperator.Check;

/// <summary>The lower-case severity names used by the flags and the JSON contract.</summary>
internal static class SeverityNames
{
    public static string Of(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    public static Severity? Parse(string value) => value switch
    {
        "error" => Severity.Error,
        "warning" => Severity.Warning,
        "info" => Severity.Info,
        _ => null,
    };
}
