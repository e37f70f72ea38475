namespace LbOperator.Webhook.Tests;

public sealed class WebhookOptionsValidatorTests
{
    [Theory]
    [InlineData("off")]
    [InlineData("warn")]
    [InlineData("Enforce")]
    public void Known_modes_are_accepted(string mode)
    {
        var result = new WebhookOptionsValidator().Validate(null, new WebhookOptions { Mode = mode });

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void An_unknown_mode_names_the_setting_and_the_choices()
    {
        var result = new WebhookOptionsValidator().Validate(null, new WebhookOptions { Mode = "block" });

        Assert.Contains("LbOperator:Webhook:Mode must be off, warn or enforce (got 'block')", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_time_budget_of_zero_is_refused()
    {
        var result = new WebhookOptionsValidator().Validate(null, new WebhookOptions { TimeBudget = TimeSpan.Zero });

        Assert.Contains("LbOperator:Webhook:TimeBudget must be greater than zero", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Certificate_paths_are_required_only_when_the_webhook_is_enabled()
    {
        var validator = new WebhookOptionsValidator();

        var enabled = validator.Validate(null, new WebhookOptions { CertFile = "", KeyFile = " " });
        var disabled = validator.Validate(null, new WebhookOptions { Enabled = false, CertFile = "", KeyFile = "" });

        Assert.Contains("LbOperator:Webhook:CertFile must be set", enabled.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("LbOperator:Webhook:KeyFile must be set", enabled.FailureMessage, StringComparison.Ordinal);
        Assert.True(disabled.Succeeded);
    }
}
