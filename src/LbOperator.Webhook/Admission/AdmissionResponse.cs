namespace LbOperator.Webhook.Admission;

/// <summary>The answer to one review; <see cref="Status"/> is set when the change is denied.</summary>
public sealed record AdmissionResponse(string Uid, bool Allowed, IReadOnlyList<string> Warnings, AdmissionStatus? Status);
