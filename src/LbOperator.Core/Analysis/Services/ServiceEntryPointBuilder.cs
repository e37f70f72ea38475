using System.Buffers;
using System.Globalization;
using LbOperator.Core.Analysis.Building;
using LbOperator.Core.Analysis.Endpoints;
using LbOperator.Core.Analysis.Routes;
using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.Services;

/// <summary>The entry point of a Service itself: kube-proxy (or the cloud load balancer) spreading over its endpoints.</summary>
internal static class ServiceEntryPointBuilder
{
    /// <summary>Null for ExternalName Services, which have no endpoints to spread over.</summary>
    public static EntryPointDraft? Build(AnalysisContext context, ServiceInfo service)
    {
        if (service.Type == ServiceType.ExternalName)
        {
            return null;
        }

        if (context.MeshRoutes.Of(service) is [{ Rules.Count: > 0 } route, ..] routes)
        {
            return Mesh(context, service, route, routes.Count);
        }

        var families = AddressFamilies.Of(context.View.GetEndpointSlices(service.Namespace, service.Name));
        if (!AddressFamilies.HoldSamePods(families))
        {
            return FamilySpreads.Worst(context, service, families);
        }

        return Spread(context, service, EndpointSelector.Select(context.View, families.Count == 0 ? [] : families[0].Slices), family: null);
    }

    /// <summary>The spread over <paramref name="endpoints"/>, which it releases.</summary>
    /// <param name="family">The address family the spread is for, named in its blackhole; null when every family holds the same pods.</param>
    internal static EntryPointDraft Spread(AnalysisContext context, ServiceInfo service, ServiceEndpoints endpoints, string? family)
    {
        var self = service.Ref;
        var draft = new EntryPointDraft(new EntryPoint(self, service.Name, [self]));
        var ready = endpoints.Ready;
        draft.Backends.Add(new BackendShare(service.Namespace, service.Name, 1.0, ready.Length, Missing: false));
        if (ready.Length == 0 && context.EndpointsUnknown(service.Namespace, service.Name))
        {
            draft.Notes.Add(UnknownEndpoints.Note($"{service.Namespace}/{service.Name}"));
            draft.EndpointsUnknown = true;
        }
        else if (ready.Length == 0)
        {
            var what = family is null ? "the Service has no ready endpoint" : $"the Service has no ready {family} endpoint";
            draft.Blackholes.Add(new BlackholeCause(self, 1.0, what, "make its pods ready or check its selector"));
        }
        else
        {
            if (endpoints.UsesTerminatingFallback)
            {
                draft.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"no endpoint is ready; kube-proxy falls back to the {ready.Length} serving terminating endpoint(s)"));
            }

            draft.Endpoints.EnsureCapacity(ready.Length);
            var rented = ArrayPool<double>.Shared.Rent(ready.Length);
            var shares = rented.AsSpan(0, ready.Length);
            ServiceSpread.Compute(context, service, ready, draft, shares);
            for (var i = 0; i < ready.Length; i++)
            {
                var endpoint = ready[i];
                draft.Endpoints.Add(new EndpointShare(service.Namespace, service.Name, endpoint.Id, endpoint.Node, endpoint.Zone, shares[i], endpoint.Pod));
            }

            ArrayPool<double>.Shared.Return(rented);
        }

        ServiceRules.Check(service, endpoints, draft);
        endpoints.Release();
        return draft;
    }

    /// <summary>
    /// A mesh route takes over the Service's traffic: the entry point shows the route's split (its first
    /// rule, the one requests without a more specific match take), and the Service-level rules still apply.
    /// </summary>
    private static EntryPointDraft Mesh(AnalysisContext context, ServiceInfo service, HttpRouteInfo route, int routeCount)
    {
        var draft = new EntryPointDraft(new EntryPoint(service.Ref, service.Name, [service.Ref, route.Ref]));
        var rule = HttpRouteEntryPointBuilder.NameOf(route, 0);
        draft.Notes.Add($"mesh route {route.Ref} (parentRef Service {service.Name}) redirects this Service's traffic; shown is its rule {rule}"
            + (route.Rules.Count > 1 ? $", {route.Rules.Count - 1} more rule(s) take requests that match them" : string.Empty)
            + (routeCount > 1 ? $"; {routeCount - 1} more mesh route(s) attach to the Service" : string.Empty));
        HttpRouteEntryPointBuilder.Fill(context, route, 0, service.Name, draft);
        var endpoints = EndpointSelector.Select(context.View, service.Namespace, service.Name);
        ServiceRules.Check(service, endpoints, draft);
        endpoints.Release();
        return draft;
    }
}
