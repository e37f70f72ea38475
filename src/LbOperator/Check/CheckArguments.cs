using System.CommandLine;
using System.Diagnostics.CodeAnalysis;

namespace LbOperator.Check;

/// <summary>Validates the parsed flags of <c>check</c>, producing a one-line usage error instead of a parse failure.</summary>
internal static class CheckArguments
{
    public static bool TryRead(
        ParseResult parseResult,
        Option<string[]> files,
        Option<string?> output,
        Option<string?> failOn,
        [NotNullWhen(true)] out CheckSettings? settings,
        [NotNullWhen(false)] out string? usageError)
    {
        (settings, usageError) = Validate(parseResult, files, output, failOn);
        return settings is not null;
    }

    /// <returns>Either the settings or the reason they are invalid.</returns>
    private static (CheckSettings? Settings, string? Error) Validate(
        ParseResult parseResult, Option<string[]> files, Option<string?> output, Option<string?> failOn)
    {
        if (parseResult.UnmatchedTokens.Count > 0)
        {
            var token = parseResult.UnmatchedTokens[0];
            return (null, token.StartsWith('-') && token != "-" ? $"unknown option '{token}'" : $"unexpected argument '{token}'");
        }

        if ((MissingValue(parseResult, files) ?? MissingValue(parseResult, output) ?? MissingValue(parseResult, failOn)) is { } missing)
        {
            return (null, missing);
        }

        var paths = parseResult.GetValue(files) ?? [];
        if (paths.Length == 0)
        {
            return (null, "no manifests given: pass -f PATH (a file, a directory, or - for stdin)");
        }

        var formatText = parseResult.GetValue(output) ?? "text";
        OutputFormat? format = formatText switch
        {
            "text" => OutputFormat.Text,
            "json" => OutputFormat.Json,
            "sarif" => OutputFormat.Sarif,
            "policyreport" => OutputFormat.PolicyReport,
            _ => null,
        };
        if (format is null)
        {
            return (null, $"--output must be text, json, sarif or policyreport, not '{formatText}'");
        }

        var failOnText = parseResult.GetValue(failOn) ?? "error";
        if (SeverityNames.Parse(failOnText) is not { } threshold)
        {
            return (null, $"--fail-on must be error, warning or info, not '{failOnText}'");
        }

        return (new CheckSettings(paths, format.Value, threshold), null);
    }

    private static string? MissingValue(ParseResult parseResult, Option option) =>
        parseResult.GetResult(option) is { Implicit: false } result && result.IdentifierTokenCount > result.Tokens.Count
            ? $"{result.IdentifierToken?.Value ?? option.Name} needs a value"
            : null;
}
