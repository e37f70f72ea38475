using LbOperator.Webhook.Admission;
using LbOperator.Webhook.Evaluation;

namespace LbOperator.Webhook.Decisions;

/// <summary>A decision about one review; <see cref="Object"/> is the decoded object when there was one.</summary>
public sealed record AdmissionOutcome(
    AdmissionDecisionKind Decision,
    IReadOnlyList<string> Warnings,
    AdmissionStatus? Denial = null,
    AdmittedObject? Object = null)
{
    public bool Allowed => Decision != AdmissionDecisionKind.Denied;

    public static AdmissionOutcome Skipped(AdmittedObject? admitted = null) => new(AdmissionDecisionKind.Skipped, [], Object: admitted);

    public static AdmissionOutcome Unchecked(string warning, AdmittedObject? admitted = null) =>
        new(AdmissionDecisionKind.Unchecked, [WarningText.Shorten(warning)], Object: admitted);
}
