using LbOperator.Core.Analysis;
using Microsoft.Extensions.Options;

namespace LbOperator.Runtime.Options;

/// <summary>Checks <see cref="PolicyOptions"/> at start, naming each bad key, what it must be and what it was.</summary>
public sealed class PolicyOptionsValidator : IValidateOptions<PolicyOptions>
{
    public ValidateOptionsResult Validate(string? name, PolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string S = PolicyOptions.SectionName;
        var failures = new List<string>();
        if (options.WarnSkew < 1)
        {
            failures.Add($"{S}:WarnSkew must be at least 1.0 (got {options.WarnSkew}).");
        }

        if (options.MaxSkew < options.WarnSkew)
        {
            failures.Add($"{S}:MaxSkew ({options.MaxSkew}) must be at least {S}:WarnSkew ({options.WarnSkew}).");
        }

        if (!string.IsNullOrEmpty(options.LoadBalancer) && !LoadBalancerNames.TryParse(options.LoadBalancer, out _))
        {
            failures.Add($"{S}:LoadBalancer must be one of {string.Join(", ", LoadBalancerNames.All)} (got {options.LoadBalancer}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
