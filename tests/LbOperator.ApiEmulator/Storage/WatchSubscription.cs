using System.Text;
using System.Threading.Channels;
using LbOperator.ApiEmulator.Resources;

namespace LbOperator.ApiEmulator.Storage;

/// <summary>
/// An open watch: receives matching changes in resourceVersion order. A change that moves an object
/// into or out of the selection arrives as ADDED or DELETED, as the real API server does it.
/// </summary>
public sealed class WatchSubscription
{
    private readonly Channel<WatchMessage> messages = Channel.CreateUnbounded<WatchMessage>(
        new UnboundedChannelOptions { SingleReader = true });

    private readonly Func<StoredObject, bool> matches;

    internal WatchSubscription(ApiResource resource, string? @namespace, Func<StoredObject, bool> matches, bool silenced)
    {
        Resource = resource;
        Namespace = @namespace;
        this.matches = matches;
        IsSilenced = silenced;
    }

    public ApiResource Resource { get; }

    /// <summary>Null when the watch spans all namespaces.</summary>
    public string? Namespace { get; }

    /// <summary>A silenced watch keeps its connection open and sends nothing, like a hung TCP stream.</summary>
    public bool IsSilenced { get; internal set; }

    /// <summary>True when the connection is to be cut instead of closed cleanly.</summary>
    public bool Dropped { get; private set; }

    public ChannelReader<WatchMessage> Reader => messages.Reader;

    internal void OfferInitial(StoredObject current)
    {
        if (InScope(current) && matches(current))
        {
            Write("ADDED", current);
        }
    }

    internal void Offer(WatchEventRecord change)
    {
        if (!InScope(change.Object))
        {
            return;
        }

        var now = matches(change.Object);
        var before = change.Previous is not null && matches(change.Previous);
        var type = change.Type switch
        {
            "DELETED" => before || now ? "DELETED" : null,
            _ when change.Previous is null => now ? "ADDED" : null,
            _ => (before, now) switch
            {
                (true, true) => "MODIFIED",
                (false, true) => "ADDED",
                (true, false) => "DELETED",
                _ => null,
            },
        };
        if (type is not null)
        {
            Write(type, change.Object);
        }
    }

    internal void OfferBookmark(long resourceVersion)
    {
        if (IsSilenced)
        {
            return;
        }

        var json = $$$"""{"kind":"{{{Resource.Kind}}}","apiVersion":"{{{Resource.ApiVersion}}}","metadata":{"resourceVersion":"{{{resourceVersion}}}"}}""";
        messages.Writer.TryWrite(new WatchMessage("BOOKMARK", Encoding.UTF8.GetBytes(json)));
    }

    internal void OfferError(byte[] status) => messages.Writer.TryWrite(new WatchMessage("ERROR", status));

    internal void Close() => messages.Writer.TryComplete();

    internal void Drop()
    {
        Dropped = true;
        messages.Writer.TryComplete();
    }

    private bool InScope(StoredObject item) =>
        item.Resource == Resource && (Namespace is null || item.Namespace == Namespace);

    private void Write(string type, StoredObject item)
    {
        if (!IsSilenced)
        {
            messages.Writer.TryWrite(new WatchMessage(type, item.Json));
        }
    }
}
