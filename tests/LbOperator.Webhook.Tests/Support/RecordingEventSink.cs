using System.Collections.Concurrent;
using LbOperator.Webhook.Events;

namespace LbOperator.Webhook.Tests.Support;

public sealed class RecordingEventSink : IAdmissionEventSink
{
    public ConcurrentQueue<AdmissionEvent> Posted { get; } = new();

    public bool TryPost(AdmissionEvent admissionEvent)
    {
        Posted.Enqueue(admissionEvent);
        return true;
    }
}
