using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace LbOperator.Kubernetes.Manifests;

/// <summary>YamlDotNet's messages without the position it prefixes (the caller reports file:line:col).</summary>
internal static partial class YamlErrors
{
    public static string Describe(YamlException error)
    {
        var message = Whitespace().Replace(PositionPrefix().Replace(error.Message, ""), " ").Trim();
        return message.Length == 0 ? "cannot parse" : message;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex PositionPrefix();
}
