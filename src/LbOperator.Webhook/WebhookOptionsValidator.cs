using Microsoft.Extensions.Options;

namespace LbOperator.Webhook;

/// <summary>Fails the start with a message naming the bad <c>Webhook:*</c> setting.</summary>
public sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var failures = new List<string>();
        if (!WebhookModes.TryParse(options.Mode, out _))
        {
            failures.Add($"{WebhookOptions.SectionName}:Mode must be off, warn or enforce (got '{options.Mode}').");
        }

        if (options.TimeBudget <= TimeSpan.Zero)
        {
            failures.Add($"{WebhookOptions.SectionName}:TimeBudget must be greater than zero (got {options.TimeBudget}).");
        }

        if (options.MaxConcurrentReviews < 1)
        {
            failures.Add($"{WebhookOptions.SectionName}:MaxConcurrentReviews must be at least 1 (got {options.MaxConcurrentReviews}).");
        }

        if (options.Enabled && string.IsNullOrWhiteSpace(options.CertFile))
        {
            failures.Add($"{WebhookOptions.SectionName}:CertFile must be set when the webhook is enabled.");
        }

        if (options.Enabled && string.IsNullOrWhiteSpace(options.KeyFile))
        {
            failures.Add($"{WebhookOptions.SectionName}:KeyFile must be set when the webhook is enabled.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
