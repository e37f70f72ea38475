using System.Globalization;
using LbOperator.Core.Analysis.Building;
using LbOperator.Core.Analysis.Findings;
using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.Routes;

/// <summary>
/// Spreads one HTTPRoute or GRPCRoute rule: each backendRef gets weight/Σweight (weight defaults to 1, 0
/// means no traffic), an invalid reference (a missing Service, a port it lacks, no port, a cross-namespace
/// reference without a ReferenceGrant) keeps its share as blackholed traffic (Gateway API answers 500),
/// and inside each Service every ready endpoint is equal.
/// </summary>
internal static class HttpRouteEntryPointBuilder
{
    public static EntryPointDraft Build(AnalysisContext context, HttpRouteInfo route, int index)
    {
        var name = NameOf(route, index);
        var self = route.Ref;
        var draft = new EntryPointDraft(new EntryPoint(self, name, [self]));
        Fill(context, route, index, name, draft);
        return draft;
    }

    /// <summary>The rule's label: its name, else <c>rule-N</c>.</summary>
    public static string NameOf(HttpRouteInfo route, int index) =>
        route.Rules[index].Name ?? string.Create(CultureInfo.InvariantCulture, $"rule-{index}");

    /// <summary>Spreads one rule into <paramref name="draft"/>, which may belong to another entry point (a mesh route's Service).</summary>
    public static void Fill(AnalysisContext context, HttpRouteInfo route, int index, string name, EntryPointDraft draft)
    {
        var rule = route.Rules[index];
        var self = route.Ref;
        if (rule.BackendRefs.Count == 0)
        {
            draft.Notes.Add("the rule has no backendRefs; its filters (such as a redirect) answer the requests");
            return;
        }

        var weights = Weights(rule, name, self, draft, out var total);
        if (total == 0)
        {
            draft.AddFinding(Rules.InvalidWeights, self, $"{name}: every backendRef has weight 0, so the rule sends all traffic nowhere. Fix: give at least one backendRef a weight above 0.");
            draft.Blackholes.Add(new BlackholeCause(self, 1.0, "every backendRef of the rule has weight 0", "give at least one backendRef a weight above 0"));
            return;
        }

        var weighted = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var backend = rule.BackendRefs[i];
            var share = weights[i] / total;
            weighted += share > 0 ? 1 : 0;
            if (!IsService(backend))
            {
                draft.Notes.Add($"backendRef {backend.Group}/{backend.Kind} {backend.Name} gets {MessageText.Percent(share)} and is not analysed (not a Service)");
                continue;
            }

            AddService(context, route, backend, share, draft);
        }

        if (weighted > 1)
        {
            draft.Skew = new SkewExplanation(
                SkewCause.BackendWeights,
                self,
                $"backend weights ({Describe(draft.Backends)})",
                "make each backend's weight proportional to its number of ready endpoints");
        }
    }

    /// <summary>An invalid reference keeps its share as blackholed traffic: the implementation answers 500 for it.</summary>
    private static void AddService(AnalysisContext context, HttpRouteInfo route, HttpBackendRefInfo backend, double share, EntryPointDraft draft)
    {
        var @namespace = backend.Namespace ?? route.Namespace;
        string? invalid = null, fix = null;
        if (!ReferencePermission.IsPermitted(context.View, route, @namespace, backend.Name))
        {
            invalid = $"RefNotPermitted: backendRef {@namespace}/{backend.Name} is in another namespace and no ReferenceGrant in {@namespace} allows {route.Ref.KindName}s from {route.Namespace}";
            fix = $"add a ReferenceGrant in {@namespace} from {route.Ref.KindName} in {route.Namespace} to Service {backend.Name}";
        }
        else if (backend.Port is null)
        {
            invalid = $"backendRef {@namespace}/{backend.Name} has no port, which a Service reference requires";
            fix = "set the backendRef's port to one the Service exposes";
        }

        if (invalid is not null)
        {
            draft.Backends.Add(new BackendShare(@namespace, backend.Name, share, 0, Missing: true));
            if (share > 0)
            {
                draft.Blackholes.Add(new BlackholeCause(route.Ref, share, invalid, fix!));
            }

            return;
        }

        BackendSpread.Add(draft, context, route.Ref, @namespace, backend.Name, share, new BackendPort(backend.Port, null));
    }

    private static double[] Weights(HttpRouteRuleInfo rule, string name, ObjectRef self, EntryPointDraft draft, out double total)
    {
        var weights = new double[rule.BackendRefs.Count];
        total = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var backend = rule.BackendRefs[i];
            var weight = backend.Weight ?? 1;
            if (weight < 0)
            {
                draft.AddFinding(Rules.InvalidWeights, self, string.Create(
                    CultureInfo.InvariantCulture,
                    $"{name}: backendRef {backend.Name} has negative weight {weight}; it is treated as 0. Fix: use a weight of 0 or more."));
                weight = 0;
            }

            weights[i] = weight;
            total += weight;
        }

        return weights;
    }

    private static bool IsService(HttpBackendRefInfo backend) =>
        string.IsNullOrEmpty(backend.Group) && (backend.Kind is null || backend.Kind == "Service");

    private static string Describe(List<BackendShare> backends)
    {
        var parts = new List<string>();
        foreach (var backend in backends)
        {
            if (backend.Share > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{backend.Service} {MessageText.Percent(backend.Share)} over {backend.ReadyEndpoints} endpoint(s)"));
            }
        }

        return string.Join(", ", parts.Count <= 4 ? parts : [.. parts[..3], $"… {parts.Count} backends"]);
    }
}
