using LbOperator.Core.Analysis.Building;
using LbOperator.Core.Analysis.Findings;
using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis;

/// <summary>Collects built entry points and their findings into one report.</summary>
/// <param name="only">When set, keep only the findings attached to this object.</param>
internal sealed class ReportBuilder(AnalysisContext context, ObjectRef? only)
{
    private readonly List<EntryPointResult> _entryPoints = [];
    private readonly List<Finding> _findings = [];

    public void Add(EntryPointDraft draft)
    {
        if (context.IsIgnored(draft.EntryPoint.Owner))
        {
            return;
        }

        var objects = draft.EntryPoint.Objects;
        for (var i = 0; i < objects.Count; i++)
        {
            ThresholdOverrides.Apply(context.Policy, context.AnnotationsOf(objects[i]), objects[i], draft.Notes);
        }

        var result = EntryPointResultBuilder.Build(draft);
        _entryPoints.Add(result);
        FindingAssembler.Collect(draft, result, context, only, _findings);
    }

    public AnalysisReport ToReport() => new(_entryPoints.ToArray(), _findings.ToArray());
}
