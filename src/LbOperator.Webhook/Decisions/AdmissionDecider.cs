using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Runtime;
using LbOperator.Webhook.Admission;
using LbOperator.Webhook.Evaluation;
using Microsoft.Extensions.Options;

namespace LbOperator.Webhook.Decisions;

/// <summary>
/// Decides one well-formed review: which objects to check, in which mode, and whether the verdict
/// allows, warns or denies. Pure apart from reading the caches; the time budget is the caller's.
/// </summary>
public sealed class AdmissionDecider(
    ObjectEvaluator evaluator,
    IClusterView cache,
    ICacheReadiness readiness,
    IOptions<WebhookOptions> options)
{
    public const int MaxWarnings = 10;

    /// <param name="endpointMode">The namespace-level mode chosen by the URL, or null for the cluster default.</param>
    /// <param name="cancellationToken">Fires when the review's time budget is spent: the decision stops before its next analysis.</param>
    /// <exception cref="AdmissionInputException">The object in the request cannot be read.</exception>
    public AdmissionOutcome Decide(AdmissionRequest request, WebhookMode? endpointMode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        if (AdmittedObjectDecoder.KindOf(request.Kind) is not { } kind || request.Operation is not ("CREATE" or "UPDATE"))
        {
            return AdmissionOutcome.Skipped();
        }

        if (request.Object is not { } incoming)
        {
            throw new AdmissionInputException($"request.object is required for {request.Operation}");
        }

        var admitted = AdmittedObjectDecoder.Decode(kind, incoming, request.Namespace, request.Name);
        if (ObjectAnnotations.IsIgnored(admitted.Annotations))
        {
            return AdmissionOutcome.Skipped(admitted);
        }

        var warnings = new List<string>();
        var mode = ResolveMode(endpointMode ?? options.Value.DefaultMode, admitted, warnings);
        if (mode == WebhookMode.Off)
        {
            return AdmissionOutcome.Skipped(admitted);
        }

        if (!readiness.IsSynced)
        {
            return AdmissionOutcome.Unchecked(
                "lb-operator: caches are still syncing; allowed without a load-balancing check", admitted);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var current = evaluator.Evaluate(cache, admitted);
        cancellationToken.ThrowIfCancellationRequested();
        if (mode == WebhookMode.Warn)
        {
            var all = current.Findings.Where(f => f.Severity >= Severity.Warning).ToList();
            return Allow(admitted, all, current, warnings);
        }

        var previous = request.Operation == "UPDATE" && request.OldObject is { } old && current.Findings.Any(f => f.Severity == Severity.Error)
            ? evaluator.Evaluate(cache, AdmittedObjectDecoder.Decode(kind, old, request.Namespace, request.Name))
            : null;
        var verdict = ChangeJudge.Judge(admitted.Ref, current, previous);
        if (verdict.Blocking.Count == 0)
        {
            return Allow(admitted, verdict.Advisory, current, warnings);
        }

        var message = string.Join("\n", verdict.Blocking.Select(f => DenialMessage.For(f, current)));
        warnings.AddRange(WarningsFor(verdict.Advisory, current));
        return new AdmissionOutcome(
            AdmissionDecisionKind.Denied, Cap(warnings), new AdmissionStatus(403, "Forbidden", message), admitted);
    }

    private static AdmissionOutcome Allow(AdmittedObject admitted, IReadOnlyList<Finding> findings, ObjectEvaluation current, List<string> warnings)
    {
        warnings.AddRange(WarningsFor(findings, current));
        return new AdmissionOutcome(
            warnings.Count == 0 ? AdmissionDecisionKind.Allowed : AdmissionDecisionKind.Warned, Cap(warnings), Object: admitted);
    }

    private static WebhookMode ResolveMode(WebhookMode mode, AdmittedObject admitted, List<string> warnings)
    {
        if (ObjectAnnotations.EnforceMode(admitted.Annotations) is not { } value)
        {
            return mode;
        }

        if (WebhookModes.TryParse(value, out var overridden))
        {
            return overridden;
        }

        warnings.Add(WarningText.Shorten(
            $"lb-operator: ignored {ObjectAnnotations.Enforce}: '{value}' (use off, warn or enforce); mode {mode.ToString().ToLowerInvariant()} applies"));
        return mode;
    }

    private static IEnumerable<string> WarningsFor(IReadOnlyList<Finding> findings, ObjectEvaluation current)
    {
        var ordered = findings
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.EntryPoint, StringComparer.Ordinal)
            .Select(WarningText.For);
        var pending = current.EntryPoints
            .Where(e => e.PoolSize == 0 && e.EntryPoint.Owner.Kind == ObjectKind.Service && !findings.Any(f => f.EntryPoint == e.EntryPoint.Name))
            .Select(e => WarningText.Shorten(
                $"lb-operator: Service {e.EntryPoint.Owner.Name} has no ready endpoints yet; its spread is checked once pods are ready"));
        return ordered.Concat(pending).Distinct(StringComparer.Ordinal);
    }

    private static List<string> Cap(List<string> warnings)
    {
        if (warnings.Count <= MaxWarnings)
        {
            return warnings;
        }

        var capped = warnings.Take(MaxWarnings - 1).ToList();
        capped.Add($"lb-operator: {warnings.Count - capped.Count} more findings; run lb-operator check for the full report");
        return capped;
    }
}
