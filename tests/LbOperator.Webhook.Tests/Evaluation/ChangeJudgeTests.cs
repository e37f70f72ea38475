using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Webhook.Evaluation;

namespace LbOperator.Webhook.Tests.Evaluation;

public sealed class ChangeJudgeTests
{
    private static readonly ObjectRef Checkout = new(ObjectKind.Service, "shop", "checkout");
    private static readonly ObjectRef Canary = new(ObjectKind.Ingress, "shop", "web-canary");

    [Fact]
    public void A_skew_error_caused_by_the_object_that_did_not_exist_before_blocks()
    {
        var verdict = ChangeJudge.Judge(Checkout, Of(Skew(Checkout, 3.0)), Of());

        Assert.Single(verdict.Blocking);
        Assert.Empty(verdict.Advisory);
    }

    [Fact]
    public void A_skew_error_on_create_blocks()
    {
        Assert.Single(ChangeJudge.Judge(Checkout, Of(Skew(Checkout, 3.0)), previous: null).Blocking);
    }

    [Fact]
    public void A_skew_error_made_worse_blocks()
    {
        Assert.Single(ChangeJudge.Judge(Checkout, Of(Skew(Checkout, 3.0)), Of(Skew(Checkout, 2.5))).Blocking);
    }

    [Theory]
    [InlineData(3.0)]
    [InlineData(4.0)]
    public void A_skew_error_that_stays_or_improves_is_only_a_warning(double before)
    {
        var verdict = ChangeJudge.Judge(Checkout, Of(Skew(Checkout, 3.0)), Of(Skew(Checkout, before)));

        Assert.Empty(verdict.Blocking);
        Assert.Single(verdict.Advisory);
    }

    [Fact]
    public void A_skew_that_crosses_from_warning_to_error_blocks()
    {
        var before = Skew(Checkout, 1.8) with { Severity = Severity.Warning };

        Assert.Single(ChangeJudge.Judge(Checkout, Of(Skew(Checkout, 2.4)), Of(before)).Blocking);
    }

    [Fact]
    public void A_skew_warning_never_blocks()
    {
        var verdict = ChangeJudge.Judge(Checkout, Of(Skew(Checkout, 1.8) with { Severity = Severity.Warning }), Of());

        Assert.Empty(verdict.Blocking);
        Assert.Single(verdict.Advisory);
    }

    [Fact]
    public void A_skew_error_carried_by_another_object_is_only_a_warning()
    {
        var main = new ObjectRef(ObjectKind.Ingress, "shop", "web");

        var verdict = ChangeJudge.Judge(main, Of(Skew(Canary, 4.0, SkewCause.CanaryWeight)), Of());

        Assert.Empty(verdict.Blocking);
        Assert.Single(verdict.Advisory);
    }

    [Fact]
    public void A_skew_error_without_a_named_cause_is_only_a_warning()
    {
        Assert.Empty(ChangeJudge.Judge(Checkout, Of(Skew(Checkout, 3.0, SkewCause.None)), Of()).Blocking);
    }

    [Fact]
    public void Invalid_weights_block_when_introduced_and_warn_when_already_there()
    {
        var route = new ObjectRef(ObjectKind.HttpRoute, "shop", "api");
        var invalid = new Finding("LB003", "InvalidWeights", Severity.Error, route, "rule-0", "every weight is zero");

        Assert.Single(ChangeJudge.Judge(route, Of(invalid), Of()).Blocking);
        Assert.Empty(ChangeJudge.Judge(route, Of(invalid), Of(invalid)).Blocking);
    }

    [Theory]
    [InlineData("LB002", Severity.Error)]
    [InlineData("LB004", Severity.Warning)]
    [InlineData("LB005", Severity.Warning)]
    public void State_outside_the_object_never_blocks(string rule, Severity severity)
    {
        var finding = new Finding(rule, rule, severity, Checkout, "checkout", "state");

        var verdict = ChangeJudge.Judge(Checkout, Of(finding), Of());

        Assert.Empty(verdict.Blocking);
        Assert.Single(verdict.Advisory);
    }

    [Fact]
    public void Info_findings_are_not_reported()
    {
        var verdict = ChangeJudge.Judge(Checkout, Of(new Finding("LB006", "ClientAffinity", Severity.Info, Checkout, "checkout", "affinity")), Of());

        Assert.Empty(verdict.Blocking);
        Assert.Empty(verdict.Advisory);
    }

    private static Finding Skew(ObjectRef target, double skew, SkewCause cause = SkewCause.ExternalTrafficPolicyLocal) =>
        new("LB001", "TrafficSkew", Severity.Error, target, target.Name, $"skew {skew}", Skew: skew, Cause: cause);

    private static ObjectEvaluation Of(params Finding[] findings) => new([], findings);
}
