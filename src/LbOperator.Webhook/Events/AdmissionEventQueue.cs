using System.Threading.Channels;

namespace LbOperator.Webhook.Events;

/// <summary>
/// A bounded hand-off between admission requests and the Event writer. When the API server is slow
/// the queue fills and further Events are dropped: admission latency never depends on Event writes.
/// </summary>
public sealed class AdmissionEventQueue : IAdmissionEventSink
{
    public const int Capacity = 256;

    private readonly Channel<AdmissionEvent> channel = Channel.CreateBounded<AdmissionEvent>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    public ChannelReader<AdmissionEvent> Reader => channel.Reader;

    public bool TryPost(AdmissionEvent admissionEvent) => channel.Writer.TryWrite(admissionEvent);
}
