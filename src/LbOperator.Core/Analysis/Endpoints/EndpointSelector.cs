using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.Endpoints;

/// <summary>Turns a Service's EndpointSlices into the endpoints that receive traffic, following kube-proxy.</summary>
internal static class EndpointSelector
{
    public static ServiceEndpoints Select(IClusterView view, string @namespace, string serviceName)
    {
        var slices = view.GetEndpointSlices(@namespace, serviceName);
        if (slices.Count == 0)
        {
            return ServiceEndpoints.None;
        }

        var capacity = 0;
        foreach (var slice in slices)
        {
            capacity += slice.Endpoints.Count;
        }

        var endpoints = new List<EndpointInfo>(capacity);
        var states = new List<EndpointState>(capacity);
        Dictionary<string, int>? seen = slices.Count > 1 ? new(capacity, StringComparer.Ordinal) : null;
        foreach (var slice in slices)
        {
            foreach (var endpoint in slice.Endpoints)
            {
                var state = Classify(endpoint);
                if (seen is not null && seen.TryGetValue(endpoint.Id, out var index))
                {
                    if (state > states[index])
                    {
                        endpoints[index] = endpoint;
                        states[index] = state;
                    }

                    continue;
                }

                seen?.Add(endpoint.Id, endpoints.Count);
                endpoints.Add(endpoint);
                states.Add(state);
            }
        }

        return Summarise(view, endpoints, states);
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

    private static ServiceEndpoints Summarise(IClusterView view, List<EndpointInfo> endpoints, List<EndpointState> states)
    {
        int ready = 0, notReady = 0, servingTerminating = 0;
        foreach (var state in states)
        {
            switch (state)
            {
                case EndpointState.Ready: ready++; break;
                case EndpointState.NotReady: notReady++; break;
                case EndpointState.ServingTerminating: servingTerminating++; break;
            }
        }

        var fallback = ready == 0 && servingTerminating > 0;
        var wanted = fallback ? EndpointState.ServingTerminating : EndpointState.Ready;
        var selected = new ReadyEndpoint[fallback ? servingTerminating : ready];
        var next = 0;
        for (var i = 0; i < endpoints.Count; i++)
        {
            if (states[i] == wanted)
            {
                selected[next++] = ToReady(view, endpoints[i]);
            }
        }

        return new ServiceEndpoints(selected, ready + notReady, notReady, fallback);
    }

    private static ReadyEndpoint ToReady(IClusterView view, EndpointInfo endpoint)
    {
        var zone = endpoint.Zone;
        if (zone is null && endpoint.NodeName is not null)
        {
            zone = view.GetNode(endpoint.NodeName)?.Zone;
        }

        return new ReadyEndpoint(endpoint.Id, endpoint.NodeName, zone, endpoint.HintZones, endpoint.HintNodes);
    }
}
