using LbOperator.Kubernetes.PolicyReports;
using LbOperator.Operator.Informers;
using LbOperator.Operator.Reports;
using Microsoft.Extensions.Time.Testing;

namespace LbOperator.Operator.Tests.Reports;

public class ReportApiPresenceTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(3);
    private readonly FakeTimeProvider _time = new();
    private readonly HashSet<string> _served = ["wgpolicyk8s.io/v1alpha2"];
    private int _checks;
    private bool _failing;
    private bool _notYet;

    [Fact]
    public async Task Discovery_is_asked_at_most_once_per_interval()
    {
        var presence = Presence();
        await presence.RefreshIfDueAsync(CancellationToken.None);
        Assert.Equal([ReportApi.PolicyReport], presence.Served);

        _served.Add("openreports.io/v1alpha1");
        await presence.RefreshIfDueAsync(CancellationToken.None);
        Assert.Equal([ReportApi.PolicyReport], presence.Served);

        _time.Advance(Interval);
        await presence.RefreshIfDueAsync(CancellationToken.None);
        Assert.Equal([ReportApi.PolicyReport, ReportApi.OpenReports], presence.Served);
        Assert.Equal(4, _checks);
    }

    [Fact]
    public async Task A_failed_check_keeps_the_last_answer_and_is_reported()
    {
        var presence = Presence();
        await presence.RefreshIfDueAsync(CancellationToken.None);
        _failing = true;
        _time.Advance(Interval);

        var failures = await presence.RefreshIfDueAsync(CancellationToken.None);

        Assert.Equal(2, failures.Count);
        Assert.Equal([ReportApi.PolicyReport], presence.Served);
    }

    [Fact]
    public async Task A_not_yet_answer_keeps_the_last_answer_without_a_failure()
    {
        var presence = Presence();
        await presence.RefreshIfDueAsync(CancellationToken.None);
        _notYet = true;
        _time.Advance(Interval);

        var failures = await presence.RefreshIfDueAsync(CancellationToken.None);

        Assert.Empty(failures);
        Assert.Equal([ReportApi.PolicyReport], presence.Served);
    }

    private ReportApiPresence Presence() => new((groupVersion, plural, _) =>
    {
        _checks++;
        if (_failing)
        {
            throw new HttpRequestException("500");
        }

        return Task.FromResult(_notYet ? DiscoveryAnswer.AskAgainSoon
            : _served.Contains(groupVersion) ? DiscoveryAnswer.Served : DiscoveryAnswer.NotServed);
    }, Interval, _time);
}
