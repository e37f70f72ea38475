using k8s.Models;
using LbOperator.ApiEmulator;
using LbOperator.Core.Model;
using LbOperator.Operator.Events;
using LbOperator.Operator.Metrics;
using LbOperator.Webhook.Evaluation;
using LbOperator.Webhook.Events;
using LbOperator.Webhook.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LbOperator.Webhook.Tests.Events;

/// <summary>The writer against the API emulator: what it writes is what the API server stores.</summary>
public sealed class AdmissionEventWriterTests : IAsyncLifetime
{
    private static readonly AdmittedObject Checkout = new(
        new ObjectRef(ObjectKind.Service, "shop", "checkout"), "v1", "uid-1", new Dictionary<string, string>());

    private KubeApiEmulator emulator = null!;
    private k8s.Kubernetes client = null!;

    public async Task InitializeAsync()
    {
        emulator = await KubeApiEmulator.StartAsync();
        client = emulator.CreateClient();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await emulator.DisposeAsync();
    }

    [Fact]
    public async Task An_event_is_a_warning_on_the_object_from_lb_operator()
    {
        var (writer, _) = Create();

        await writer.WriteAsync(new AdmissionEvent(Checkout, AdmissionEvent.DeniedReason, "LB001: denied"), CancellationToken.None);

        var written = Assert.Single(Stored());
        Assert.Equal("Warning", written.Type);
        Assert.Equal("AdmissionDenied", written.Reason);
        Assert.Equal("LB001: denied", written.Message);
        Assert.Equal("shop", written.Metadata.NamespaceProperty);
        Assert.Equal("checkout.", written.Metadata.GenerateName);
        Assert.StartsWith("checkout.", written.Metadata.Name, StringComparison.Ordinal);
        Assert.Equal(("v1", "Service", "checkout", "shop", "uid-1"), (written.InvolvedObject.ApiVersion, written.InvolvedObject.Kind, written.InvolvedObject.Name, written.InvolvedObject.NamespaceProperty, written.InvolvedObject.Uid));
        Assert.Equal("lb-operator", written.ReportingComponent);
        Assert.Equal("lb-operator-7d9f-abcde", written.ReportingInstance);
    }

    [Fact]
    public async Task The_same_event_is_written_at_most_once_a_minute()
    {
        var (writer, time) = Create();
        var admissionEvent = new AdmissionEvent(Checkout, AdmissionEvent.WarnedReason, "LB001: skewed");

        await writer.WriteAsync(admissionEvent, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(59));
        await writer.WriteAsync(admissionEvent, CancellationToken.None);
        await writer.WriteAsync(admissionEvent with { Message = "LB001: skewed more" }, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        await writer.WriteAsync(admissionEvent, CancellationToken.None);

        Assert.Equal(3, Stored().Count);
    }

    [Fact]
    public void The_queue_refuses_rather_than_blocks_when_full()
    {
        var queue = new AdmissionEventQueue();
        var admissionEvent = new AdmissionEvent(Checkout, AdmissionEvent.WarnedReason, "m");

        var accepted = Enumerable.Range(0, AdmissionEventQueue.Capacity + 10).Count(_ => queue.TryPost(admissionEvent));

        Assert.Equal(AdmissionEventQueue.Capacity, accepted);
    }

    private IReadOnlyList<Corev1Event> Stored() => emulator.Objects.List<Corev1Event>("shop");

    private (AdmissionEventWriter Writer, FakeTimeProvider Time) Create()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 21, 0, 0, TimeSpan.Zero));
        var writer = new AdmissionEventWriter(
            new AdmissionEventQueue(), client, new DirectWriteGate(), new EventSource("lb-operator", "lb-operator-7d9f-abcde"),
            new OperatorMetrics(Prometheus.Metrics.NewCustomRegistry()), time, NullLogger<AdmissionEventWriter>.Instance);
        return (writer, time);
    }
}
