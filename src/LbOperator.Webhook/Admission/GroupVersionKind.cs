namespace LbOperator.Webhook.Admission;

/// <summary>The <c>request.kind</c> of an AdmissionReview; <paramref name="Group"/> is empty for the core group.</summary>
public sealed record GroupVersionKind(string Group, string Version, string Kind)
{
    public override string ToString() => Group.Length == 0 ? $"{Version}/{Kind}" : $"{Group}/{Version}/{Kind}";
}
