using System.Text.Json;
using LbOperator.Webhook.Admission;
using Microsoft.AspNetCore.Http;

namespace LbOperator.Webhook.Tests.Support;

/// <summary>The cheapest correct webhook: read the uid, allow. The baseline the benchmark compares with.</summary>
public static class AllowAll
{
    public static async Task HandleAsync(HttpContext context)
    {
        using var document = await JsonDocument.ParseAsync(context.Request.Body);
        var uid = document.RootElement.GetProperty("request").GetProperty("uid").GetString()!;
        var review = AdmissionReviewWriter.ToBytes(new AdmissionResponse(uid, true, [], null));
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(review);
    }
}
