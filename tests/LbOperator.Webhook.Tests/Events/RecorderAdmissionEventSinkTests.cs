using LbOperator.Core.Model;
using LbOperator.Runtime.Events;
using LbOperator.Webhook.Evaluation;
using LbOperator.Webhook.Events;

namespace LbOperator.Webhook.Tests.Events;

public sealed class RecorderAdmissionEventSinkTests
{
    private static readonly AdmittedObject Checkout = new(
        new ObjectRef(ObjectKind.Service, "shop", "checkout"), "v1", "uid-1", new Dictionary<string, string>());

    [Fact]
    public void An_admission_event_is_handed_to_the_recorder_as_a_warning_on_the_reviewed_object()
    {
        var recorder = new Recorder();

        var accepted = new RecorderAdmissionEventSink(recorder).TryPost(new AdmissionEvent(Checkout, AdmissionEvent.DeniedReason, "LB001: denied"));

        Assert.True(accepted);
        var (target, reason, message) = Assert.Single(recorder.Admitted);
        Assert.Equal((new ObjectRef(ObjectKind.Service, "shop", "checkout"), "v1", "uid-1"), (target.Object, target.ApiVersion, target.Uid));
        Assert.Equal(("AdmissionDenied", "LB001: denied"), (reason, message));
    }

    [Fact]
    public void A_full_recorder_queue_is_reported_as_not_accepted()
    {
        var recorder = new Recorder { Accepts = false };

        Assert.False(new RecorderAdmissionEventSink(recorder).TryPost(new AdmissionEvent(Checkout, AdmissionEvent.WarnedReason, "LB001: skewed")));
    }

    private sealed class Recorder : IEventRecorder
    {
        public bool Accepts { get; init; } = true;

        public List<(EventTarget Target, string Reason, string Message)> Admitted { get; } = [];

        public void Audit(EventTarget target, IReadOnlyList<PlannedEvent> events, IReadOnlyCollection<string>? presentReasons) =>
            throw new InvalidOperationException("The webhook never hands over audit Events.");

        public bool Admission(EventTarget target, string reason, string message)
        {
            Admitted.Add((target, reason, message));
            return Accepts;
        }

        public bool Announce(EventTarget target, string type, string reason, string message) =>
            throw new InvalidOperationException("The webhook never announces observed traffic.");
    }
}
