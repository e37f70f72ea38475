namespace LbOperator.Webhook.Decisions;

/// <summary>The outcome of a review, as counted in <c>lb_operator_admission_requests_total{decision}</c>.</summary>
public enum AdmissionDecisionKind
{
    /// <summary>Checked and nothing to report.</summary>
    Allowed,

    /// <summary>Checked; allowed with warnings.</summary>
    Warned,

    /// <summary>Checked; rejected in enforce mode.</summary>
    Denied,

    /// <summary>Not checked by design: an unaudited kind or operation, mode off, or the ignore annotation.</summary>
    Skipped,

    /// <summary>Allowed without a check because the webhook could not do one: caches not synced, budget exceeded, internal error.</summary>
    Unchecked,
}
