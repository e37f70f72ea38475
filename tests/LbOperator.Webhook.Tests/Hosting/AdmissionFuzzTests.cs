using System.Net.Http.Headers;
using LbOperator.Webhook.Tests.Support;

namespace LbOperator.Webhook.Tests.Hosting;

/// <summary>Thousands of broken reviews: every one gets an answer below 500, nothing throws.</summary>
public sealed class AdmissionFuzzTests
{
    [Fact]
    public async Task Ten_thousand_malformed_reviews_in_process_never_get_a_5xx()
    {
        var harness = new WebhookHarness(mode: "enforce");
        var generator = new MalformedReviews(seed: 20261123);
        var statuses = new Dictionary<int, int>();

        for (var i = 0; i < 10_000; i++)
        {
            var result = await harness.Handler.HandleAsync(generator.Next(), endpointMode: null, CancellationToken.None);
            statuses[result.StatusCode] = statuses.GetValueOrDefault(result.StatusCode) + 1;
            Assert.True(result.StatusCode is 200 or 400, $"body {i} got {result.StatusCode}");
            Assert.True(result.StatusCode == 200 ? result.Review is not null : !string.IsNullOrWhiteSpace(result.Error));
        }

        Assert.True(statuses.GetValueOrDefault(400) > 5_000, "most broken bodies are refused");
        Assert.True(statuses.GetValueOrDefault(200) > 100, "bodies with a harmless change still get a review");
    }

    [Fact]
    public async Task A_sample_of_malformed_reviews_over_https_never_gets_a_5xx()
    {
        await using var server = await WebhookServer.StartAsync(mode: "enforce");
        using var client = WebhookServer.Client();
        var generator = new MalformedReviews(seed: 7);
        var uri = new Uri(server.BaseAddress, "/validate");

        for (var i = 0; i < 300; i++)
        {
            using var content = new ByteArrayContent(generator.Next());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync(uri, content);

            Assert.True((int)response.StatusCode < 500, $"body {i} got {(int)response.StatusCode}");
        }

        using var healthy = new ByteArrayContent(Fixture.Bytes("service-update-local-to-cluster.json"));
        using var after = await client.PostAsync(uri, healthy);
        Assert.Equal(200, (int)after.StatusCode);
    }
}
