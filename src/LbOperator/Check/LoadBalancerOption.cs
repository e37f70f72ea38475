using System.CommandLine;
using LbOperator.Core.Analysis;

namespace LbOperator.Check;

/// <summary><c>--load-balancer NAME</c>: the load balancer to assume when the manifests do not show it.</summary>
internal static class LoadBalancerOption
{
    public static Option<string?> Create() => new("--load-balancer")
    {
        Description = "The load balancer in front of LoadBalancer Services when neither their class, annotations, MetalLB advertisements nor Nodes show it: "
            + string.Join(", ", LoadBalancerNames.All) + ".",
        HelpName = string.Join("|", LoadBalancerNames.All),
        Arity = ArgumentArity.ZeroOrOne,
    };

    /// <returns>Null with <paramref name="usageError"/> set when the value is missing or unknown.</returns>
    public static bool TryRead(ParseResult parseResult, Option<string?> option, out LoadBalancerImplementation? value, out string? usageError)
    {
        value = null;
        usageError = null;
        if (parseResult.GetResult(option) is not { Implicit: false } result)
        {
            return true;
        }

        var text = parseResult.GetValue(option);
        if (result.Tokens.Count == 0 || string.IsNullOrWhiteSpace(text))
        {
            usageError = "--load-balancer needs a value";
            return false;
        }

        if (!LoadBalancerNames.TryParse(text, out var implementation))
        {
            usageError = $"--load-balancer must be {string.Join(", ", LoadBalancerNames.All)}, not '{text}'";
            return false;
        }

        value = implementation;
        return true;
    }
}
