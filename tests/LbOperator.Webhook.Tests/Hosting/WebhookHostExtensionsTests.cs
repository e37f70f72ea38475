using LbOperator.Webhook.Certificates;
using LbOperator.Webhook.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace LbOperator.Webhook.Tests.Hosting;

public sealed class WebhookHostExtensionsTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void The_webhook_is_composed_unless_disabled(string? enabled, bool expected)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["LbOperator:Webhook:Enabled"] = enabled });

        builder.AddLbOperatorWebhook(port: 9443);

        Assert.Equal(expected, builder.Configuration.IsWebhookEnabled());
        Assert.Equal(expected, builder.Services.Any(s => s.ServiceType == typeof(ServingCertificate)));
    }
}
