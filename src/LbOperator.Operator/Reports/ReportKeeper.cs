using System.Net;
using k8s.Autorest;
using LbOperator.Kubernetes.PolicyReports;
using Microsoft.Extensions.Logging;

namespace LbOperator.Operator.Reports;

/// <summary>
/// Knows the reports as the API server holds them (listed once, then kept from each write's response)
/// and brings one namespace's report in line with its audit: create, replace only when the content
/// differs, delete when the namespace has no audited object left. A 404 or 409 means the report changed
/// behind our back: the API's reports are forgotten and listed again on the next pass.
/// </summary>
public sealed class ReportKeeper(ReportApiClient client, ReportMetrics metrics, TimeProvider time, ILogger logger)
{
    private readonly Dictionary<ReportApi, Dictionary<string, ReportDocument>> known = [];

    public IEnumerable<string> Namespaces => known.Values.SelectMany(reports => reports.Keys);

    public bool IsLoaded(ReportApi api) => known.ContainsKey(api);

    public void Forget(ReportApi api) => known.Remove(api);

    public void ForgetAll() => known.Clear();

    public async Task LoadAsync(ReportApi api, IReadOnlyCollection<string> scopes, CancellationToken cancellationToken)
    {
        var reports = await client.ListAsync(api, scopes, cancellationToken).ConfigureAwait(false);
        known[api] = reports.Where(report => report.Metadata.Name == ReportIdentity.Name)
            .ToDictionary(report => report.Metadata.NamespaceProperty, StringComparer.Ordinal);
    }

    /// <returns>False when the report had changed meanwhile and the namespace must be tried again.</returns>
    public async Task<bool> SyncAsync(ReportApi api, string @namespace, IReadOnlyList<AuditedFindings> audit, CancellationToken cancellationToken)
    {
        var reports = known[api];
        var current = reports.GetValueOrDefault(@namespace);
        try
        {
            if (audit.Count == 0)
            {
                if (current is not null)
                {
                    await DeleteAsync(api, current, cancellationToken).ConfigureAwait(false);
                }

                return true;
            }

            var desired = ReportDocuments.Build(api, @namespace, audit, current, time.GetUtcNow());
            if (current is null)
            {
                reports[@namespace] = await client.CreateAsync(api, desired, cancellationToken).ConfigureAwait(false);
                Written(api, @namespace, "create", desired);
            }
            else if (!ReportDocuments.HasSameContent(current, desired))
            {
                KeepForeignMetadata(current, desired);
                reports[@namespace] = await client.ReplaceAsync(api, desired, cancellationToken).ConfigureAwait(false);
                Written(api, @namespace, "update", desired);
            }

            return true;
        }
        catch (HttpOperationException error) when (error.Response?.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.NotFound)
        {
            ReportsLog.Stale(logger, api.Resource, @namespace);
            known.Remove(api);
            return false;
        }
    }

    /// <summary>Deletes every report of the API this operator wrote (reports disabled).</summary>
    public async Task DeleteAllAsync(ReportApi api, CancellationToken cancellationToken)
    {
        foreach (var report in known[api].Values.ToArray())
        {
            await DeleteAsync(api, report, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DeleteAsync(ReportApi api, ReportDocument report, CancellationToken cancellationToken)
    {
        try
        {
            await client.DeleteAsync(api, report, cancellationToken).ConfigureAwait(false);
            metrics.ReportWrites.WithLabels(api.Resource, "delete").Inc();
            ReportsLog.Written(logger, api.Resource, report.Metadata.NamespaceProperty, "delete", 0);
        }
        catch (HttpOperationException error) when (error.Response?.StatusCode == HttpStatusCode.NotFound)
        {
            // Someone deleted it first; the goal is reached.
        }

        known[api].Remove(report.Metadata.NamespaceProperty);
    }

    private void Written(ReportApi api, string @namespace, string operation, ReportDocument report)
    {
        metrics.ReportWrites.WithLabels(api.Resource, operation).Inc();
        ReportsLog.Written(logger, api.Resource, @namespace, operation, report.Results?.Count ?? 0);
    }

    /// <summary>A replace overwrites metadata: keep the labels and annotations others put on the report, and its resourceVersion.</summary>
    private static void KeepForeignMetadata(ReportDocument current, ReportDocument desired)
    {
        var labels = new Dictionary<string, string>(current.Metadata.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (key, value) in desired.Metadata.Labels ?? new Dictionary<string, string>())
        {
            labels[key] = value;
        }

        desired.Metadata.Labels = labels;
        desired.Metadata.Annotations = current.Metadata.Annotations;
        desired.Metadata.ResourceVersion = current.Metadata.ResourceVersion;
    }
}
