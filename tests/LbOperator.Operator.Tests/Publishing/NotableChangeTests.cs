using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Operator.Publishing;

namespace LbOperator.Operator.Tests.Publishing;

public sealed class NotableChangeTests
{
    [Theory]
    [InlineData(3.0, Severity.Error, 3.0, Severity.Error, false)]
    [InlineData(3.0, Severity.Error, 3.25, Severity.Error, false)]
    [InlineData(3.0, Severity.Error, 3.3, Severity.Error, true)]
    [InlineData(3.0, Severity.Error, 2.7, Severity.Error, true)]
    [InlineData(1.9, Severity.Warning, 2.05, Severity.Error, true)]
    [InlineData(1.6, Severity.Warning, 1.65, Severity.Warning, false)]
    public void A_skew_is_announced_again_after_a_ten_percent_move_or_a_severity_change(
        double announcedSkew, Severity announcedSeverity, double skew, Severity severity, bool notable) =>
        Assert.Equal(notable, NotableChange.IsNotable(Skewed(announcedSkew, announcedSeverity), Skewed(skew, severity)));

    [Theory]
    [InlineData(0.5, 0.5, false)]
    [InlineData(0.5, 0.54, false)]
    [InlineData(0.5, 1.0, true)]
    [InlineData(0.0, 0.1, true)]
    public void A_blackholed_share_is_announced_again_after_a_ten_percent_move(double announced, double share, bool notable) =>
        Assert.Equal(notable, NotableChange.IsNotable(Blackholed(announced), Blackholed(share)));

    private static Finding Skewed(double skew, Severity severity) =>
        new("LB001", "TrafficSkew", severity, new ObjectRef(ObjectKind.Service, "shop", "web"), "web", "skewed", Skew: skew);

    private static Finding Blackholed(double share) =>
        new("LB002", "TrafficBlackholed", Severity.Error, new ObjectRef(ObjectKind.Service, "shop", "web"), "web", "blackholed", BlackholedShare: share);
}
