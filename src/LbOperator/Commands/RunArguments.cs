using System.CommandLine;
using LbOperator.Hosting;

namespace LbOperator.Commands;

/// <summary>
/// The configuration flags of <c>run</c>: the aliases (real options, so <c>--help</c> lists them) and any
/// <c>--LbOperator:Section:Key value</c> or <c>--Logging:…</c>, turned into the host's configuration
/// arguments. Anything else is a usage error, never silently ignored.
/// </summary>
internal static class RunArguments
{
    private static readonly string[] ConfigurationPrefixes = ["--LbOperator:", "--Logging:"];

    public static IReadOnlyList<Option<string?>> CreateAliases() =>
        CommandLineAliases.Mappings.Select(pair => new Option<string?>(pair.Key)
        {
            Description = $"Sets {pair.Value}.",
            HelpName = "VALUE",
            Arity = ArgumentArity.ZeroOrOne,
        }).ToArray();

    /// <returns>The configuration arguments for the host, or null with <paramref name="usageError"/> set.</returns>
    public static IReadOnlyList<string>? Read(ParseResult parseResult, IReadOnlyList<Option<string?>> aliases, IEnumerable<Option> valued, out string? usageError)
    {
        usageError = valued.Concat(aliases).Select(option => MissingValue(parseResult, option)).FirstOrDefault(missing => missing is not null);
        if (usageError is not null)
        {
            return null;
        }

        var arguments = new List<string>();
        foreach (var alias in aliases)
        {
            if (parseResult.GetValue(alias) is { } value)
            {
                arguments.Add($"--{CommandLineAliases.Mappings[alias.Name]}={value}");
            }
        }

        var tokens = parseResult.UnmatchedTokens;
        for (var index = 0; index < tokens.Count; index++)
        {
            var token = tokens[index];
            if (!ConfigurationPrefixes.Any(prefix => token.StartsWith(prefix, StringComparison.Ordinal)))
            {
                usageError = token.StartsWith('-') ? $"unknown option '{token}'" : $"unexpected argument '{token}'";
                return null;
            }

            if (token.Contains('=', StringComparison.Ordinal))
            {
                arguments.Add(token);
            }
            else if (index + 1 < tokens.Count && !tokens[index + 1].StartsWith("--", StringComparison.Ordinal))
            {
                arguments.Add($"{token}={tokens[++index]}");
            }
            else
            {
                usageError = $"{token} needs a value";
                return null;
            }
        }

        return arguments;
    }

    private static string? MissingValue(ParseResult parseResult, Option option) =>
        parseResult.GetResult(option) is { Implicit: false } result && result.IdentifierTokenCount > result.Tokens.Count
            ? $"{result.IdentifierToken?.Value ?? option.Name} needs a value"
            : null;
}
