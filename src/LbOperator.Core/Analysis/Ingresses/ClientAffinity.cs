using LbOperator.Core.Analysis.Building;
using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.Ingresses;

/// <summary>LB006 for ingress-nginx consistent hashing and cookie affinity.</summary>
internal static class ClientAffinity
{
    public static void Check(string entryPoint, IngressInfo ingress, EntryPointDraft draft)
    {
        if (ingress.Annotations.TryGetValue(NginxAnnotations.UpstreamHashBy, out var key))
        {
            draft.AddFinding(Rules.ClientAffinity, ingress.Ref,
                $"{entryPoint}: upstream-hash-by \"{key}\" pins each hash key to one endpoint, so the real spread depends on the key mix. Fix: hash by a high-cardinality key or remove the annotation.");
        }

        if (ingress.Annotations.TryGetValue(NginxAnnotations.Affinity, out var affinity)
            && string.Equals(affinity.Trim(), "cookie", StringComparison.OrdinalIgnoreCase))
        {
            draft.AddFinding(Rules.ClientAffinity, ingress.Ref,
                $"{entryPoint}: cookie affinity pins each client to one endpoint, so the real spread depends on the client mix. Fix: remove nginx.ingress.kubernetes.io/affinity unless sessions must stick.");
        }
    }
}
