using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Operator.Changes;
using LbOperator.Operator.Publishing;

namespace LbOperator.Operator.Tests.Publishing;

public sealed class PublicationPlannerTests
{
    private static readonly DateTimeOffset PlannedAt = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void States_without_findings_share_one_empty_map()
    {
        var web = PublicationPlanner.Plan(new ObjectRef(ObjectKind.Service, "shop", "web"), null, LoadBalancingConfig.Empty, AnalysisReport.Empty, PlannedAt);
        var api = PublicationPlanner.Plan(new ObjectRef(ObjectKind.Service, "shop", "api"), null, LoadBalancingConfig.Empty, AnalysisReport.Empty, PlannedAt);

        Assert.Empty(web.State.Findings);
        Assert.Same(web.State.Findings, api.State.Findings);
    }
}
