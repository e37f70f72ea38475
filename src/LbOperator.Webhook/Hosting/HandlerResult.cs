namespace LbOperator.Webhook.Hosting;

/// <summary>An HTTP answer: 200 with an AdmissionReview, or an error status with a plain-text message.</summary>
public sealed record HandlerResult(int StatusCode, byte[]? Review, string? Error)
{
    public static HandlerResult Ok(byte[] review) => new(200, review, null);

    public static HandlerResult BadRequest(string error) => new(400, null, error);

    public static HandlerResult TooLarge(string error) => new(413, null, error);
}
