namespace LbOperator.Webhook.Admission;

/// <summary>Either a well-formed request or the reason the body is not one.</summary>
public sealed record AdmissionReadResult(AdmissionRequest? Request, string? Error)
{
    public static AdmissionReadResult Success(AdmissionRequest request) => new(request, null);

    public static AdmissionReadResult Failure(string error) => new(null, error);
}
