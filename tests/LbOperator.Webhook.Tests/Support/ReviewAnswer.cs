using System.Text.Json;

namespace LbOperator.Webhook.Tests.Support;

/// <summary>An answer as the API server reads it: status code, then the AdmissionReview's response fields.</summary>
public sealed record ReviewAnswer(int StatusCode, string? Uid, bool? Allowed, IReadOnlyList<string> Warnings, int? Code, string? Reason, string? Message, string? Error)
{
    public static ReviewAnswer From(int statusCode, byte[]? review, string? error)
    {
        if (review is null)
        {
            return new ReviewAnswer(statusCode, null, null, [], null, null, null, error);
        }

        using var document = JsonDocument.Parse(review);
        var root = document.RootElement;
        Assert.Equal("admission.k8s.io/v1", root.GetProperty("apiVersion").GetString());
        Assert.Equal("AdmissionReview", root.GetProperty("kind").GetString());
        var response = root.GetProperty("response");
        var warnings = response.TryGetProperty("warnings", out var list)
            ? list.EnumerateArray().Select(w => w.GetString()!).ToList()
            : [];
        int? code = null;
        string? reason = null, message = null;
        if (response.TryGetProperty("status", out var status))
        {
            code = status.GetProperty("code").GetInt32();
            reason = status.GetProperty("reason").GetString();
            message = status.GetProperty("message").GetString();
        }

        return new ReviewAnswer(statusCode, response.GetProperty("uid").GetString(), response.GetProperty("allowed").GetBoolean(), warnings, code, reason, message, null);
    }
}
