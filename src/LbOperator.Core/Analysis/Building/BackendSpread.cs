using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.Building;

/// <summary>
/// Sends a share of an entry point's traffic to a backend Service whose proxy balances over the pods
/// directly (ingress-nginx, Gateway implementations): every ready endpoint gets an equal part.
/// </summary>
internal static class BackendSpread
{
    /// <param name="origin">The object whose backend reference this is; a blackhole is attached to it.</param>
    public static void Add(EntryPointDraft draft, AnalysisContext context, ObjectRef origin, string @namespace, string serviceName, double share)
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

        var each = share / ready.Length;
        foreach (var endpoint in ready)
        {
            draft.Endpoints.Add(new EndpointShare(@namespace, serviceName, endpoint.Id, endpoint.Node, endpoint.Zone, each, endpoint.Pod));
        }
    }
}
