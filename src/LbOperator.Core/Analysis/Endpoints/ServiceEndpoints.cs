using System.Buffers;

namespace LbOperator.Core.Analysis.Endpoints;

/// <summary>The endpoints of one Service after merging all of its EndpointSlices.</summary>
/// <remarks>
/// <see cref="Ready"/> lives in a pooled buffer; the owner calls <see cref="Release"/> when done, so
/// large Services do not allocate on the large-object heap on every analysis.
/// </remarks>
internal sealed class ServiceEndpoints(ReadyEndpoint[] buffer, int readyCount, int counted, int notReady, bool usesTerminatingFallback)
{
    public static ServiceEndpoints None { get; } = new([], 0, 0, 0, false);

    /// <summary>The endpoints that receive traffic (the terminating fallback when nothing is ready).</summary>
    public ReadOnlySpan<ReadyEndpoint> Ready => buffer.AsSpan(0, readyCount);

    /// <summary>Distinct endpoints that are not terminating; the base of "more than half not ready".</summary>
    public int Counted { get; } = counted;

    /// <summary>Distinct endpoints that are not terminating and not ready.</summary>
    public int NotReady { get; } = notReady;

    /// <summary>True when no endpoint was ready and kube-proxy's serving+terminating fallback applies.</summary>
    public bool UsesTerminatingFallback { get; } = usesTerminatingFallback;

    public void Release()
    {
        if (buffer.Length > 0)
        {
            ArrayPool<ReadyEndpoint>.Shared.Return(buffer, clearArray: true);
            buffer = [];
            readyCount = 0;
        }
    }
}
