namespace LbOperator.Webhook;

/// <summary>How the webhook treats findings: not at all, as warnings, or as grounds to deny.</summary>
public enum WebhookMode
{
    Off,
    Warn,
    Enforce,
}
