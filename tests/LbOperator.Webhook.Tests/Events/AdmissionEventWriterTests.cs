using LbOperator.Core.Model;
using LbOperator.Operator.Events;
using LbOperator.Operator.Metrics;
using LbOperator.Webhook.Evaluation;
using LbOperator.Webhook.Events;
using LbOperator.Webhook.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LbOperator.Webhook.Tests.Events;

public sealed class AdmissionEventWriterTests
{
    private static readonly AdmittedObject Checkout = new(
        new ObjectRef(ObjectKind.Service, "shop", "checkout"), "v1", "uid-1", new Dictionary<string, string>());

    [Fact]
    public async Task An_event_is_a_warning_on_the_object_from_lb_operator()
    {
        var (writer, kubernetes, _) = Create();

        await writer.WriteAsync(new AdmissionEvent(Checkout, AdmissionEvent.DeniedReason, "LB001: denied"), CancellationToken.None);

        var written = Assert.Single(kubernetes.Created);
        Assert.Equal("Warning", written.Type);
        Assert.Equal("AdmissionDenied", written.Reason);
        Assert.Equal("LB001: denied", written.Message);
        Assert.Equal("shop", written.Metadata.NamespaceProperty);
        Assert.Equal("checkout.", written.Metadata.GenerateName);
        Assert.Equal(("v1", "Service", "checkout", "shop", "uid-1"), (written.InvolvedObject.ApiVersion, written.InvolvedObject.Kind, written.InvolvedObject.Name, written.InvolvedObject.NamespaceProperty, written.InvolvedObject.Uid));
        Assert.Equal("lb-operator", written.ReportingComponent);
        Assert.Equal("lb-operator-7d9f-abcde", written.ReportingInstance);
    }

    [Fact]
    public async Task The_same_event_is_written_at_most_once_a_minute()
    {
        var (writer, kubernetes, time) = Create();
        var admissionEvent = new AdmissionEvent(Checkout, AdmissionEvent.WarnedReason, "LB001: skewed");

        await writer.WriteAsync(admissionEvent, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(59));
        await writer.WriteAsync(admissionEvent, CancellationToken.None);
        await writer.WriteAsync(admissionEvent with { Message = "LB001: skewed more" }, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        await writer.WriteAsync(admissionEvent, CancellationToken.None);

        Assert.Equal(3, kubernetes.Created.Count);
    }

    [Fact]
    public void The_queue_refuses_rather_than_blocks_when_full()
    {
        var queue = new AdmissionEventQueue();
        var admissionEvent = new AdmissionEvent(Checkout, AdmissionEvent.WarnedReason, "m");

        var accepted = Enumerable.Range(0, AdmissionEventQueue.Capacity + 10).Count(_ => queue.TryPost(admissionEvent));

        Assert.Equal(AdmissionEventQueue.Capacity, accepted);
    }

    private static (AdmissionEventWriter Writer, RecordingKubernetes Kubernetes, FakeTimeProvider Time) Create()
    {
        var kubernetes = new RecordingKubernetes();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 21, 0, 0, TimeSpan.Zero));
        var writer = new AdmissionEventWriter(
            new AdmissionEventQueue(), kubernetes.Client, new DirectWriteGate(), new EventSource("lb-operator", "lb-operator-7d9f-abcde"),
            new OperatorMetrics(Prometheus.Metrics.NewCustomRegistry()), time, NullLogger<AdmissionEventWriter>.Instance);
        return (writer, kubernetes, time);
    }
}
