using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using LbOperator.ApiEmulator;
using LbOperator.ApiEmulator.Faults;
using LbOperator.ApiEmulator.Resources;
using LbOperator.ApiEmulator.Logging;
using LbOperator.Runtime.Metrics;
using LbOperator.Runtime.Writes;
using Microsoft.Extensions.Time.Testing;
using Prometheus;

namespace LbOperator.Runtime.Tests.Writes;

public sealed class ApiWriteGateTests
{
    private readonly FakeTimeProvider time = new();
    private readonly ApiWriteMetrics metrics = new(new MetricsExposition(new CollectorRegistry(), []));

    private readonly RecordingLogger log = new();

    /// <summary>
    /// The fake clock is moved past backoff delays while HTTP to the emulator may be in flight, so the
    /// per-attempt timeout is set beyond any time the clock reaches in a test (at most one second per poll):
    /// moving the clock can never expire a request that is still on the wire.
    /// </summary>
    private ApiWriteGate Gate(int maxRetries = 5) =>
        new(new ApiOptions { Qps = 1000, Burst = 1000, MaxRetries = maxRetries, RequestTimeout = TimeSpan.FromDays(1) }, time, metrics, log);

    private static Corev1Event Event(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "shop" },
        InvolvedObject = new V1ObjectReference { Kind = "Service", Name = "web", NamespaceProperty = "shop" },
        Reason = "TrafficSkewed",
    };

    private static Task<Corev1Event> CreateEvent(ApiWriteGate gate, IKubernetes client, string name) =>
        gate.ExecuteAsync("event-create", ct => client.CoreV1.CreateNamespacedEventAsync(Event(name), "shop", cancellationToken: ct), CancellationToken.None);

    [Fact]
    public async Task A_429_is_retried_after_exactly_the_Retry_After_the_server_sent()
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        emulator.Faults.Inject(FaultRule.TooManyRequests("events", ApiVerb.Create, count: 1, TimeSpan.FromSeconds(7)));
        using var client = emulator.CreateClient();
        using var gate = Gate();

        var write = CreateEvent(gate, client, "e1");
        await AdvanceUntilDone(write);

        Assert.Equal("e1", (await write).Metadata.Name);
        Assert.Equal(["API write event-create failed; retry 1 in 00:00:07"], log.Messages);
        Assert.Equal(2, emulator.RequestCount(ApiVerb.Create, ApiResourceCatalog.CoreEvents));
    }

    [Fact]
    public async Task Server_errors_are_retried_with_backoff_until_the_write_succeeds()
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        emulator.Faults.Inject(FaultRule.ServerError("events", ApiVerb.Create, count: 3));
        using var client = emulator.CreateClient();
        using var gate = Gate();

        var write = CreateEvent(gate, client, "e1");
        await AdvanceUntilDone(write);

        Assert.Equal("e1", (await write).Metadata.Name);
        Assert.Equal(3, metrics.Retries.WithLabels("event-create").Value);
        Assert.Single(emulator.Objects.List<Corev1Event>("shop"));
    }

    [Fact]
    public async Task A_conflict_is_not_retried()
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        using var client = emulator.CreateClient();
        using var gate = Gate();
        await CreateEvent(gate, client, "e1");

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => CreateEvent(gate, client, "e1"));

        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
        Assert.Equal(0, metrics.Retries.WithLabels("event-create").Value);
    }

    [Fact]
    public async Task After_the_last_retry_the_failure_surfaces()
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        emulator.Faults.Inject(FaultRule.ServerError("events", ApiVerb.Create, count: 10));
        using var client = emulator.CreateClient();
        using var gate = Gate(maxRetries: 2);

        var write = CreateEvent(gate, client, "e1");
        await AdvanceUntilDone(write);

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => write);
        Assert.Equal(HttpStatusCode.InternalServerError, error.Response.StatusCode);
        Assert.Equal(3, emulator.RequestCount(ApiVerb.Create, ApiResourceCatalog.CoreEvents));
    }

    [Theory]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(404, false)]
    [InlineData(409, false)]
    [InlineData(422, false)]
    public void Only_throttling_and_server_errors_are_retryable(int status, bool retryable)
    {
        var error = new HttpOperationException { Response = new HttpResponseMessageWrapper(new HttpResponseMessage((HttpStatusCode)status), "") };

        Assert.Equal(retryable, RetryableFailure.IsRetryable(error));
    }

    /// <summary>Moves the fake clock past each backoff delay until the write has finished.</summary>
    private async Task AdvanceUntilDone(Task write)
    {
        await Poll.UntilAsync(() =>
        {
            time.Advance(TimeSpan.FromSeconds(1));
            return write.IsCompleted;
        }, "the write finished");
    }
}
