using System.CommandLine;
using LbOperator.Kubernetes.PolicyReports;

namespace LbOperator.Check;

/// <summary><c>--report-api wgpolicyk8s|openreports</c>: which report API <c>--output policyreport</c> writes.</summary>
internal static class ReportApiArgument
{
    public static Option<string?> Create() => new("--report-api")
    {
        Description = "With --output policyreport: wgpolicyk8s (PolicyReport, default) or openreports (Report).",
        HelpName = "wgpolicyk8s|openreports",
        Arity = ArgumentArity.ZeroOrOne,
    };

    /// <returns>The chosen API, or null with <paramref name="usageError"/> set.</returns>
    public static ReportApi? Read(ParseResult parseResult, Option<string?> option, out string? usageError)
    {
        usageError = null;
        if (parseResult.GetResult(option) is { Implicit: false } result && result.IdentifierTokenCount > result.Tokens.Count)
        {
            usageError = $"{result.IdentifierToken?.Value ?? option.Name} needs a value";
            return null;
        }

        var text = parseResult.GetValue(option) ?? ReportApi.PolicyReport.Name;
        var api = ReportApi.Find(text);
        if (api is null)
        {
            usageError = $"--report-api must be wgpolicyk8s or openreports, not '{text}'";
        }

        return api;
    }
}
