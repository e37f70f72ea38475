using System.Buffers;
using LbOperator.Core.Analysis.Services;
using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.Building;

/// <summary>
/// Sends a share of an entry point's traffic to a backend Service. A proxy that balances over the pods
/// itself (ingress-nginx, Gateway implementations, IP targets) gives every ready endpoint an equal part;
/// one that goes through the ClusterIP or the NodePort gets the Service's own model.
/// </summary>
internal static class BackendSpread
{
    /// <param name="origin">The object whose backend reference this is; a blackhole or a skew cause is attached to it.</param>
    /// <param name="port">The port the reference names; null when it names none that can be checked.</param>
    public static void Add(EntryPointDraft draft, AnalysisContext context, ObjectRef origin, string @namespace, string serviceName, double share, BackendPort? port = null, ServicePath path = ServicePath.Pods)
    {
        var qualified = $"{@namespace}/{serviceName}";
        var service = context.View.GetService(@namespace, serviceName);
        if (service is null)
        {
            draft.Backends.Add(new BackendShare(@namespace, serviceName, share, 0, Missing: true));
            if (share > 0)
            {
                draft.Blackholes.Add(new BlackholeCause(origin, share, $"backend Service {qualified} does not exist", "create the Service or correct the backend name"));
            }

            return;
        }

        if (service.Type == ServiceType.ExternalName)
        {
            draft.Backends.Add(new BackendShare(@namespace, serviceName, share, 0, Missing: false));
            draft.Notes.Add($"backend Service {qualified} is of type ExternalName; its traffic leaves the cluster and is not analysed");
            return;
        }

        if (port is not null && !port.ExistsOn(service))
        {
            draft.Backends.Add(new BackendShare(@namespace, serviceName, share, 0, Missing: true));
            if (share > 0)
            {
                draft.Blackholes.Add(new BlackholeCause(origin, share, $"backend Service {qualified} has no port {port}", "name a port the Service exposes (kubectl get service -o jsonpath='{.spec.ports}')"));
            }

            return;
        }

        var endpoints = context.EndpointsOf(@namespace, serviceName);
        var ready = endpoints.Ready;
        draft.Backends.Add(new BackendShare(@namespace, serviceName, share, ready.Length, Missing: false));
        if (share <= 0)
        {
            return;
        }

        if (ready.Length == 0 && context.EndpointsUnknown(@namespace, serviceName))
        {
            draft.Notes.Add(UnknownEndpoints.Note(qualified));
            draft.EndpointsUnknown = true;
            return;
        }

        if (ready.Length == 0)
        {
            draft.Blackholes.Add(new BlackholeCause(origin, share, $"backend Service {qualified} has no ready endpoint", "make its pods ready or check its selector"));
            return;
        }

        if (endpoints.UsesTerminatingFallback)
        {
            draft.Notes.Add($"backend Service {qualified} has no ready endpoint; traffic falls back to its {ready.Length} serving terminating endpoint(s)");
        }

        if (path == ServicePath.Pods)
        {
            var each = share / ready.Length;
            foreach (var endpoint in ready)
            {
                draft.Endpoints.Add(new EndpointShare(@namespace, serviceName, endpoint.Id, endpoint.Node, endpoint.Zone, each, endpoint.Pod));
            }

            return;
        }

        ThroughService(draft, context, origin, service, ready, share, path);
    }

    /// <summary>The Service's own model scaled to the share; its skew cause, if any, is worded for the referring object.</summary>
    private static void ThroughService(EntryPointDraft draft, AnalysisContext context, ObjectRef origin, ServiceInfo service, ReadOnlySpan<Endpoints.ReadyEndpoint> ready, double share, ServicePath path)
    {
        var before = draft.Skew;
        var rented = ArrayPool<double>.Shared.Rent(ready.Length);
        var shares = rented.AsSpan(0, ready.Length);
        ServiceSpread.Compute(context, service, ready, draft, shares, path);
        for (var i = 0; i < ready.Length; i++)
        {
            var endpoint = ready[i];
            draft.Endpoints.Add(new EndpointShare(service.Namespace, service.Name, endpoint.Id, endpoint.Node, endpoint.Zone, shares[i] * share, endpoint.Pod));
        }

        ArrayPool<double>.Shared.Return(rented);
        if (draft.Skew is { } skew && !ReferenceEquals(skew, before))
        {
            draft.Skew = skew with { Object = origin, Detail = $"backend Service {service.Namespace}/{service.Name} reached through its {(path == ServicePath.NodePort ? "NodePort" : "ClusterIP")}: {skew.Detail}" };
        }
    }
}
