namespace LbOperator.Webhook;

/// <summary>The spelling of <see cref="WebhookMode"/> in options, labels and annotations: <c>off</c>, <c>warn</c>, <c>enforce</c>.</summary>
public static class WebhookModes
{
    public static bool TryParse(string? text, out WebhookMode mode)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "off":
                mode = WebhookMode.Off;
                return true;
            case "warn":
                mode = WebhookMode.Warn;
                return true;
            case "enforce":
                mode = WebhookMode.Enforce;
                return true;
            default:
                mode = WebhookMode.Off;
                return false;
        }
    }
}
