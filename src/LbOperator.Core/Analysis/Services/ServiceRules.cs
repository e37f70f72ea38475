using System.Globalization;
using LbOperator.Core.Analysis.Building;
using LbOperator.Core.Analysis.Endpoints;
using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.Services;

/// <summary>The Service-level rules that do not depend on the spread: LB004, LB005 and LB006.</summary>
internal static class ServiceRules
{
    public static void Check(ServiceInfo service, ServiceEndpoints endpoints, EntryPointDraft draft)
    {
        var self = draft.EntryPoint.Owner;
        var name = service.Name;
        var ready = endpoints.Ready;

        if (ready.Length >= 2 && OnOneNode(ready) is { } node)
        {
            draft.AddFinding(Rules.SingleFailureDomain, self, string.Create(
                CultureInfo.InvariantCulture,
                $"{name}: all {ready.Length} ready endpoints run on node {node}, so one node failure takes the Service down. Fix: spread the pods with podAntiAffinity or topologySpreadConstraints on kubernetes.io/hostname."));
        }

        if (endpoints.NotReady * 2 > endpoints.Counted)
        {
            draft.AddFinding(Rules.EndpointsNotReady, self, string.Create(
                CultureInfo.InvariantCulture,
                $"{name}: {endpoints.NotReady} of {endpoints.Counted} endpoints are not ready, so the rest carry all traffic. Fix: check the failing pods' readiness probes and events."));
        }

        if (service.SessionAffinity == SessionAffinity.ClientIP)
        {
            draft.AddFinding(Rules.ClientAffinity, self,
                $"{name}: sessionAffinity ClientIP pins each client IP to one endpoint, so the real spread depends on the client mix (few clients or one proxy in front skew it). Fix: remove the affinity unless the application needs it.");
        }
    }

    private static string? OnOneNode(ReadOnlySpan<ReadyEndpoint> ready)
    {
        var node = ready[0].Node;
        if (node is null)
        {
            return null;
        }

        foreach (var endpoint in ready)
        {
            if (!string.Equals(endpoint.Node, node, StringComparison.Ordinal))
            {
                return null;
            }
        }

        return node;
    }
}
