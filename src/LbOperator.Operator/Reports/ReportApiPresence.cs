using LbOperator.Kubernetes.PolicyReports;
using LbOperator.Operator.Informers;

namespace LbOperator.Operator.Reports;

/// <summary>
/// Which report APIs the cluster serves, asked of API discovery (like the HTTPRoute CRD) at most once
/// per check interval. A failed check, or a "not yet" (503/429), keeps the last answer.
/// </summary>
public sealed class ReportApiPresence(
    Func<string, string, CancellationToken, Task<DiscoveryAnswer>> ask,
    TimeSpan checkInterval,
    TimeProvider time)
{
    private readonly Dictionary<ReportApi, bool> served = [];
    private DateTimeOffset? checkedAt;

    public IReadOnlyList<ReportApi> Served => ReportApi.All.Where(api => served.GetValueOrDefault(api)).ToArray();

    /// <summary>Checks when the interval has passed; returns the failures, which left the earlier answer in place.</summary>
    public async Task<IReadOnlyList<(ReportApi Api, Exception Error)>> RefreshIfDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (checkedAt is { } last && now - last < checkInterval)
        {
            return [];
        }

        checkedAt = now;
        var failures = new List<(ReportApi, Exception)>();
        foreach (var api in ReportApi.All)
        {
            try
            {
                var answer = await ask(api.ApiVersion, api.Plural, cancellationToken).ConfigureAwait(false);
                if (answer != DiscoveryAnswer.AskAgainSoon)
                {
                    served[api] = answer == DiscoveryAnswer.Served;
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                failures.Add((api, error));
            }
        }

        return failures;
    }
}
