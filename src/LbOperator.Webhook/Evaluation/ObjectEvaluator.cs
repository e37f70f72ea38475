using LbOperator.Core.Analysis;
using LbOperator.Core.Model;

namespace LbOperator.Webhook.Evaluation;

/// <summary>
/// Runs the analysis core on the object under review as if it were stored. An Ingress is analysed
/// together with every Ingress that shares one of its host+paths, so a canary and its main are judged as one.
/// </summary>
public sealed class ObjectEvaluator(TrafficAnalyzer analyzer)
{
    public ObjectEvaluation Evaluate(IClusterView cache, AdmittedObject admitted)
    {
        var view = new OverlayClusterView(cache, admitted);
        var entryPoints = new List<EntryPointResult>();
        var findings = new List<Finding>();
        var seenEntryPoints = new HashSet<(ObjectRef, string)>();
        var seenFindings = new HashSet<Finding>();
        foreach (var target in TargetsOf(view, admitted))
        {
            var report = analyzer.Analyze(view, target);
            foreach (var entryPoint in report.EntryPoints)
            {
                if (seenEntryPoints.Add((entryPoint.EntryPoint.Owner, entryPoint.EntryPoint.Name)))
                {
                    entryPoints.Add(entryPoint);
                }
            }

            foreach (var finding in report.Findings)
            {
                if (seenFindings.Add(finding))
                {
                    findings.Add(finding);
                }
            }
        }

        return new ObjectEvaluation(entryPoints, findings);
    }

    private static IEnumerable<ObjectRef> TargetsOf(IClusterView view, AdmittedObject admitted)
    {
        yield return admitted.Ref;
        if (admitted.Ingress is not { } ingress)
        {
            yield break;
        }

        var routes = new HashSet<(string Host, string Path)>();
        foreach (var path in ingress.Paths)
        {
            routes.Add((path.Host, path.Path));
        }

        foreach (var other in view.Ingresses)
        {
            if (other.Ref != admitted.Ref && other.Paths.Any(p => routes.Contains((p.Host, p.Path))))
            {
                yield return other.Ref;
            }
        }
    }
}
