using System.Net;
using System.Net.Http.Headers;
using LbOperator.Webhook.Certificates;
using LbOperator.Webhook.Tests.Certificates;
using LbOperator.Webhook.Tests.Support;
using LbOperator.Webhook.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LbOperator.Webhook.Tests.Hosting;

public sealed class WebhookHttpsTests
{
    [Fact]
    public async Task A_clean_change_is_allowed_over_https()
    {
        await using var server = await WebhookServer.StartAsync(mode: "enforce");
        using var client = WebhookServer.Client();

        var answer = await PostAsync(client, new Uri(server.BaseAddress, "/validate"), Fixture.Bytes("service-update-local-to-cluster.json"));

        Assert.Equal(200, answer.StatusCode);
        Assert.True(answer.Allowed);
        Assert.Equal("b1e3f5a7-2c4d-4e6f-8a0b-1c3d5e7f9a2b", answer.Uid);
        Assert.Empty(answer.Warnings);
    }

    [Fact]
    public async Task A_skewing_change_is_warned_about_on_the_warn_endpoint()
    {
        await using var server = await WebhookServer.StartAsync(mode: "enforce");
        using var client = WebhookServer.Client();

        var answer = await PostAsync(client, new Uri(server.BaseAddress, "/validate/warn"), Fixture.Bytes("service-update-cluster-to-local.json"));

        Assert.True(answer.Allowed);
        Assert.StartsWith("LB001", Assert.Single(answer.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_skewing_change_is_denied_on_the_enforce_endpoint_and_an_event_is_written()
    {
        await using var server = await WebhookServer.StartAsync(mode: "warn");
        using var client = WebhookServer.Client();

        var answer = await PostAsync(client, new Uri(server.BaseAddress, "/validate/enforce"), Fixture.Bytes("service-update-cluster-to-local.json"));
        var written = await server.FirstEventAsync();

        Assert.False(answer.Allowed);
        Assert.Equal(403, answer.Code);
        Assert.StartsWith("LB001: externalTrafficPolicy: Local would send 50%", answer.Message, StringComparison.Ordinal);
        Assert.Equal("AdmissionDenied", written.Reason);
        Assert.Equal("Warning", written.Type);
        Assert.Equal("checkout", written.InvolvedObject.Name);
        Assert.Equal("Service", written.InvolvedObject.Kind);
        Assert.Equal("lb-operator", written.Source.Component);
    }

    [Fact]
    public async Task The_webhook_answers_whatever_host_the_api_server_names()
    {
        await using var server = await WebhookServer.StartAsync(mode: "enforce");
        using var client = WebhookServer.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseAddress, "/validate"))
        {
            Content = Json(Fixture.Bytes("service-update-local-to-cluster.json")),
        };

        // In a cluster the API server calls the Service on port 443, which forwards to the pod's 9443.
        request.Headers.Host = "lb-operator-webhook.lb-operator.svc:443";
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Malformed_json_gets_400_with_a_plain_message()
    {
        await using var server = await WebhookServer.StartAsync();
        using var client = WebhookServer.Client();

        using var response = await client.PostAsync(new Uri(server.BaseAddress, "/validate"), Json("{\"apiVersion\":"u8.ToArray()));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("the request body is not valid JSON", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_3_mib_gets_413()
    {
        await using var server = await WebhookServer.StartAsync();
        using var client = WebhookServer.Client();

        using var response = await client.PostAsync(new Uri(server.BaseAddress, "/validate"), Json(new byte[(3 * 1024 * 1024) + 1]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task The_endpoints_answer_nothing_over_plain_http()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        await using var app = builder.Build();
        app.MapLbOperatorWebhook();
        await app.StartAsync();
        var address = app.Urls.Single();
        using var client = new HttpClient();

        using var response = await client.PostAsync(new Uri(new Uri(address), "/validate"), Json(Fixture.Bytes("configmap-create.json")));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("the admission webhook is served over HTTPS only\n", await response.Content.ReadAsStringAsync());
        await app.StopAsync();
    }

    [Fact]
    public async Task New_handshakes_present_the_new_certificate_after_the_files_are_replaced()
    {
        await using var server = await WebhookServer.StartAsync();
        var certificate = server.Services.GetRequiredService<ServingCertificate>();
        var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        certificate.Reloaded += _ => reloaded.TrySetResult();
        var before = await PresentedThumbprintAsync(server);

        var replaced = ServingCertificateTests.SwapIn(server.Authority, server.Directory);
        await Poll.FinishesAsync(reloaded.Task, "the certificate is reloaded");
        var after = await PresentedThumbprintAsync(server);

        Assert.NotEqual(before, after);
        Assert.Equal(replaced, after);
    }

    private static async Task<string> PresentedThumbprintAsync(WebhookServer server)
    {
        string? thumbprint = null;
        using var client = WebhookServer.Client(c => thumbprint = c.Thumbprint);
        var answer = await PostAsync(client, new Uri(server.BaseAddress, "/validate"), Fixture.Bytes("configmap-create.json"));
        Assert.True(answer.Allowed);
        return thumbprint!;
    }

    private static async Task<ReviewAnswer> PostAsync(HttpClient client, Uri uri, byte[] body)
    {
        using var response = await client.PostAsync(uri, Json(body));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return response.IsSuccessStatusCode
            ? ReviewAnswer.From((int)response.StatusCode, bytes, null)
            : ReviewAnswer.From((int)response.StatusCode, null, System.Text.Encoding.UTF8.GetString(bytes));
    }

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
