using System.Net;
using LbOperator.Operator.Informers;

namespace LbOperator.Operator.Tests.Informers;

public sealed class GatewayApiDiscoveryTests
{
    [Theory]
    [InlineData(HttpStatusCode.NotFound, DiscoveryAnswer.NotServed)]
    [InlineData(HttpStatusCode.ServiceUnavailable, DiscoveryAnswer.AskAgainSoon)]
    [InlineData(HttpStatusCode.TooManyRequests, DiscoveryAnswer.AskAgainSoon)]
    public async Task A_status_means_not_installed_or_not_yet(HttpStatusCode status, DiscoveryAnswer expected)
    {
        using var client = ClientAnswering(status, "{}");

        Assert.Equal(expected, await new GatewayApiDiscovery(client).AskForHttpRoutesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Any_other_failure_is_an_error()
    {
        using var client = ClientAnswering(HttpStatusCode.Forbidden, "{}");

        await Assert.ThrowsAsync<HttpRequestException>(() => new GatewayApiDiscovery(client).AskForHttpRoutesAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("httproutes", DiscoveryAnswer.Served)]
    [InlineData("gateways", DiscoveryAnswer.NotServed)]
    public async Task The_group_version_must_list_the_resource(string listed, DiscoveryAnswer expected)
    {
        using var client = ClientAnswering(HttpStatusCode.OK,
            $$"""{"kind":"APIResourceList","groupVersion":"gateway.networking.k8s.io/v1","resources":[{"name":"{{listed}}","namespaced":true,"kind":"X","verbs":["get"]}]}""");

        Assert.Equal(expected, await new GatewayApiDiscovery(client).AskForHttpRoutesAsync(CancellationToken.None));
    }

    /// <summary>A client whose transport answers every request itself; discovery reads only the status and body.</summary>
    private static k8s.Kubernetes ClientAnswering(HttpStatusCode status, string body) =>
        new(new k8s.KubernetesClientConfiguration { Host = "https://127.0.0.1:1" }, new Answering(status, body));

    private sealed class Answering(HttpStatusCode status, string body) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body), RequestMessage = request });
    }
}
