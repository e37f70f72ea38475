namespace LbOperator.Webhook.Events;

/// <summary>Takes Events off the admission path; never blocks and never throws.</summary>
public interface IAdmissionEventSink
{
    /// <returns>False when the queue is full and the Event was dropped.</returns>
    bool TryPost(AdmissionEvent admissionEvent);
}
