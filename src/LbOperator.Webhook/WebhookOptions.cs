namespace LbOperator.Webhook;

/// <summary>The <c>LbOperator:Webhook</c> configuration section; the chart sets these names.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "LbOperator:Webhook";

    public bool Enabled { get; set; } = true;

    /// <summary>The cluster default mode used by <c>/validate</c>: <c>off</c>, <c>warn</c> or <c>enforce</c>.</summary>
    public string Mode { get; set; } = "warn";

    public string CertFile { get; set; } = "/tls/tls.crt";

    public string KeyFile { get; set; } = "/tls/tls.key";

    /// <summary>How long one review may take before the change is allowed unchecked; well under the API server's timeout.</summary>
    public TimeSpan TimeBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Reviews decided at once; more wait for a slot within their time budget. A decision that overruns its
    /// budget is cancelled and keeps its slot until it stops, so overruns can never pile up.
    /// </summary>
    public int MaxConcurrentReviews { get; set; } = 16;

    public WebhookMode DefaultMode => WebhookModes.TryParse(Mode, out var mode) ? mode : WebhookMode.Warn;
}
