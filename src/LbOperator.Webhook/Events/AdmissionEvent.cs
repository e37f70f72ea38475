using LbOperator.Webhook.Evaluation;

namespace LbOperator.Webhook.Events;

/// <summary>A Warning Event to put on an existing object after a review denied or warned about its update.</summary>
public sealed record AdmissionEvent(AdmittedObject Object, string Reason, string Message)
{
    public const string DeniedReason = "AdmissionDenied";
    public const string WarnedReason = "AdmissionWarned";
}
