using System.Buffers;
using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.Endpoints;

/// <summary>
/// Turns a Service's EndpointSlices into the endpoints that receive traffic, following kube-proxy: one
/// address family at a time (the primary one unless told), an endpoint keyed by its address.
/// </summary>
internal static class EndpointSelector
{
    public static ServiceEndpoints Select(IClusterView view, string @namespace, string serviceName)
    {
        var families = AddressFamilies.Of(view.GetEndpointSlices(@namespace, serviceName));
        return families.Count == 0 ? ServiceEndpoints.None : Select(view, families[0].Slices);
    }

    /// <summary>The endpoints of one address family's slices.</summary>
    public static ServiceEndpoints Select(IClusterView view, IReadOnlyList<EndpointSliceInfo> slices)
    {
        if (slices.Count == 0)
        {
            return ServiceEndpoints.None;
        }

        var capacity = 0;
        for (var s = 0; s < slices.Count; s++)
        {
            capacity += slices[s].Endpoints.Count;
        }

        var endpoints = ArrayPool<EndpointInfo>.Shared.Rent(capacity);
        var states = ArrayPool<EndpointState>.Shared.Rent(capacity);
        var count = 0;
        using var seen = new EndpointIdIndex(slices.Count > 1 ? capacity : 0);
        var dedupe = slices.Count > 1;
        for (var s = 0; s < slices.Count; s++)
        {
            var sliceEndpoints = slices[s].Endpoints;
            for (var e = 0; e < sliceEndpoints.Count; e++)
            {
                var endpoint = sliceEndpoints[e];
                var state = Classify(endpoint);
                var index = dedupe ? seen.GetOrAdd(endpoint.Key, count, endpoints) : -1;
                if (index >= 0)
                {
                    // The higher state wins, then the lower id, so the merge does not depend on slice order.
                    if (state > states[index] || (state == states[index] && string.CompareOrdinal(endpoint.Id, endpoints[index].Id) < 0))
                    {
                        endpoints[index] = endpoint;
                        states[index] = state;
                    }

                    continue;
                }

                endpoints[count] = endpoint;
                states[count++] = state;
            }
        }

        var result = Summarise(view, endpoints, states, count);
        ArrayPool<EndpointInfo>.Shared.Return(endpoints, clearArray: true);
        ArrayPool<EndpointState>.Shared.Return(states);
        return result;
    }

    /// <summary>Absent <c>ready</c> and <c>serving</c> mean true and absent <c>terminating</c> means false, as in kube-proxy.</summary>
    private static EndpointState Classify(EndpointInfo endpoint)
    {
        if (endpoint.Terminating == true)
        {
            return endpoint.Serving != false ? EndpointState.ServingTerminating : EndpointState.Terminating;
        }

        return endpoint.Ready != false ? EndpointState.Ready : EndpointState.NotReady;
    }

    private static ServiceEndpoints Summarise(IClusterView view, EndpointInfo[] endpoints, EndpointState[] states, int count)
    {
        int ready = 0, notReady = 0, servingTerminating = 0;
        for (var i = 0; i < count; i++)
        {
            switch (states[i])
            {
                case EndpointState.Ready: ready++; break;
                case EndpointState.NotReady: notReady++; break;
                case EndpointState.ServingTerminating: servingTerminating++; break;
            }
        }

        var fallback = ready == 0 && servingTerminating > 0;
        var wanted = fallback ? EndpointState.ServingTerminating : EndpointState.Ready;
        var selectedCount = fallback ? servingTerminating : ready;
        var selected = selectedCount == 0 ? [] : ArrayPool<ReadyEndpoint>.Shared.Rent(selectedCount);
        var next = 0;
        for (var i = 0; i < count; i++)
        {
            if (states[i] == wanted)
            {
                selected[next++] = ToReady(view, endpoints[i]);
            }
        }

        return new ServiceEndpoints(selected, selectedCount, ready + notReady, notReady, fallback);
    }

    private static ReadyEndpoint ToReady(IClusterView view, EndpointInfo endpoint)
    {
        var zone = endpoint.Zone;
        if (zone is null && endpoint.NodeName is not null)
        {
            zone = view.GetNode(endpoint.NodeName)?.Zone;
        }

        return new ReadyEndpoint(endpoint, zone);
    }
}
