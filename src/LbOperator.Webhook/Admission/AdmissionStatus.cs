namespace LbOperator.Webhook.Admission;

/// <summary>The metav1.Status of a denial: an HTTP-style code, a machine reason and the message kubectl prints.</summary>
public sealed record AdmissionStatus(int Code, string Reason, string Message);
