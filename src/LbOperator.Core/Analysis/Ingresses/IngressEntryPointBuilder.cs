using LbOperator.Core.Analysis.Building;
using LbOperator.Core.Analysis.Findings;
using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.Ingresses;

/// <summary>
/// Spreads an Ingress entry point: the canary takes its weight, the main backend the rest, and inside
/// each backend Service ingress-nginx balances over the ready pods directly, so every ready endpoint
/// is equal and the Service's traffic policies do not apply (unless service-upstream sends to the
/// ClusterIP). An ALB path may name a weighted forward action instead of a Service port.
/// </summary>
internal static class IngressEntryPointBuilder
{
    public static EntryPointDraft Build(AnalysisContext context, IngressEntry entry)
    {
        var objects = new List<ObjectRef>(2);
        if (entry.Main is { } owner)
        {
            objects.Add(owner.Ref);
        }

        if (entry.Canary is { } canaryIngress)
        {
            objects.Add(canaryIngress.Ref);
        }

        var draft = new EntryPointDraft(new EntryPoint(entry.Owner.Ref, entry.Name, objects));
        draft.Notes.AddRange(entry.Notes);
        if (entry.Main is not { } main || entry.MainBackend is not { } mainBackend)
        {
            return draft;
        }

        if (!mainBackend.IsService)
        {
            draft.Notes.Add($"Ingress {main.Ref} sends {entry.Name} to the resource {mainBackend.ResourceKind}/{mainBackend.ResourceName}, not a Service; skipped");
            return draft;
        }

        if (entry.Controller == IngressController.Alb && mainBackend.ServicePort == AlbForwardAction.UseAnnotation)
        {
            AlbForwardSpread.Add(context, entry, main, mainBackend.ServiceName!, draft);
            return draft;
        }

        var canary = CanaryOf(entry, draft);
        var canaryShare = canary?.Settings.Fraction ?? 0;
        var mainPath = BackendPaths.For(context, entry.Controller, main, mainBackend.ServiceName!, draft.Notes);
        BackendSpread.Add(draft, context, main.Ref, main.Namespace, mainBackend.ServiceName!, 1 - canaryShare, BackendPort.Of(mainBackend.ServicePort), mainPath);
        if (canary is { } active)
        {
            var canaryPath = BackendPaths.For(context, entry.Controller, active.Ingress, active.Service, draft.Notes);
            BackendSpread.Add(draft, context, active.Ingress.Ref, active.Ingress.Namespace, active.Service, canaryShare, BackendPort.Of(entry.CanaryBackend!.ServicePort), canaryPath);
            if (canaryShare > 0)
            {
                var mainPods = draft.Backends[0].ReadyEndpoints;
                var canaryPods = draft.Backends[^1].ReadyEndpoints;
                draft.Skew = new SkewExplanation(
                    SkewCause.CanaryWeight,
                    active.Ingress.Ref,
                    $"canary weight {active.Settings.Weight} sends {MessageText.Percent(canaryShare)} to {canaryPods} canary endpoint(s) and {MessageText.Percent(1 - canaryShare)} to {mainPods} main endpoint(s)",
                    "scale the canary so its share of the pods matches its weight, or lower canary-weight");
            }
        }

        if (entry.Nginx)
        {
            ClientAffinity.Check(entry.Name, main, draft);
            if (canary is not null)
            {
                ClientAffinity.Check(entry.Name, canary.Value.Ingress, draft);
            }
        }

        return draft;
    }

    private static (IngressInfo Ingress, string Service, CanarySettings Settings)? CanaryOf(IngressEntry entry, EntryPointDraft draft)
    {
        if (entry.Canary is not { } canary || entry.CanaryBackend is not { } backend)
        {
            return null;
        }

        if (!backend.IsService)
        {
            draft.Notes.Add($"canary Ingress {canary.Ref} sends to the resource {backend.ResourceKind}/{backend.ResourceName}, not a Service; skipped");
            return null;
        }

        var settings = CanarySettings.Of(canary);
        foreach (var problem in settings.Problems)
        {
            draft.AddFinding(Rules.InvalidWeights, canary.Ref, $"{entry.Name}: {problem}. Fix: set canary-weight to a whole number between 0 and canary-weight-total.");
        }

        foreach (var routing in settings.Routing)
        {
            draft.Notes.Add($"canary Ingress {canary.Ref} receives requests with {routing}; canary-weight {settings.Weight} applies to the remaining traffic");
        }

        return (canary, backend.ServiceName!, settings);
    }
}
