using System.Globalization;
using LbOperator.Core.Analysis.Building;
using LbOperator.Core.Analysis.Findings;
using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.Ingresses;

/// <summary>
/// An ALB path whose backend is a weighted forward action: each target group gets weight/Σweight, a
/// Service target group is spread like any ALB backend, and invalid weights are LB003.
/// </summary>
internal static class AlbForwardSpread
{
    public static void Add(AnalysisContext context, IngressEntry entry, IngressInfo ingress, string actionName, EntryPointDraft draft)
    {
        if (AlbForwardAction.Of(ingress, actionName) is not { } action)
        {
            draft.Blackholes.Add(new BlackholeCause(ingress.Ref, 1.0, $"the backend names the action {actionName} but {AlbForwardAction.ActionPrefix}{actionName} is missing", "add the action annotation or name a Service port"));
            return;
        }

        foreach (var problem in action.Problems)
        {
            draft.AddFinding(Rules.InvalidWeights, ingress.Ref, $"{entry.Name}: {problem}. Fix: give each target group a whole-number weight between 0 and 999.");
        }

        if (action.Unsupported is { } unsupported)
        {
            draft.Notes.Add($"{unsupported}; the ALB answers it itself, not analysed");
            return;
        }

        double total = action.TargetGroups.Sum(g => g.Weight);
        if (total == 0)
        {
            if (action.TargetGroups.Count > 0)
            {
                draft.AddFinding(Rules.InvalidWeights, ingress.Ref, $"{entry.Name}: every target group of action {actionName} has weight 0, so the ALB forwards nothing. Fix: give at least one target group a weight above 0.");
            }

            draft.Blackholes.Add(new BlackholeCause(ingress.Ref, 1.0, $"action {actionName} has no target group with a weight above 0", "give at least one target group a weight above 0"));
            return;
        }

        var weighted = 0;
        foreach (var group in action.TargetGroups)
        {
            var share = group.Weight / total;
            weighted += share > 0 ? 1 : 0;
            if (group.ServiceName is not { } service)
            {
                draft.Notes.Add($"target group {group.Label} gets {MessageText.Percent(share)} and is not analysed (not a Service)");
                continue;
            }

            var path = BackendPaths.For(context, entry.Controller, ingress, service, draft.Notes);
            BackendSpread.Add(draft, context, ingress.Ref, ingress.Namespace, service, share, BackendPort.Of(group.ServicePort), path);
        }

        if (weighted > 1)
        {
            draft.Skew = new SkewExplanation(
                SkewCause.BackendWeights,
                ingress.Ref,
                $"ALB forward weights of action {actionName} ({Describe(action)})",
                "make each target group's weight proportional to its Service's number of ready endpoints");
        }
    }

    private static string Describe(AlbForwardAction action) =>
        string.Join(", ", action.TargetGroups.Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Label} {g.Weight}")));
}
