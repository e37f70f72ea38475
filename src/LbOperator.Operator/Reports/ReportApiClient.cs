using k8s;
using LbOperator.Kubernetes.PolicyReports;
using LbOperator.Runtime;

namespace LbOperator.Operator.Reports;

/// <summary>
/// Reads and writes the reports of one API through the API write gate (token bucket, retries on 429,
/// 5xx and timeouts). Lists select the reports this operator wrote by their label.
/// </summary>
public sealed class ReportApiClient(IKubernetes client, IApiWriteGate gate)
{
    /// <param name="scopes">Namespaces to list in; empty = all namespaces.</param>
    public async Task<IReadOnlyList<ReportDocument>> ListAsync(ReportApi api, IReadOnlyCollection<string> scopes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(scopes);
        if (scopes.Count == 0)
        {
            var all = await gate.ExecuteAsync($"{api.Plural}.list", ct => client.CustomObjects.ListClusterCustomObjectAsync<ReportDocumentList>(
                api.Group, api.Version, api.Plural, labelSelector: ReportIdentity.LabelSelector, cancellationToken: ct), cancellationToken).ConfigureAwait(false);
            return [.. all.Items];
        }

        var found = new List<ReportDocument>();
        foreach (var scope in scopes)
        {
            var list = await gate.ExecuteAsync($"{api.Plural}.list", ct => client.CustomObjects.ListNamespacedCustomObjectAsync<ReportDocumentList>(
                api.Group, api.Version, scope, api.Plural, labelSelector: ReportIdentity.LabelSelector, cancellationToken: ct), cancellationToken).ConfigureAwait(false);
            found.AddRange(list.Items);
        }

        return found;
    }

    public Task<ReportDocument> CreateAsync(ReportApi api, ReportDocument report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(report);
        return gate.ExecuteAsync($"{api.Plural}.create", ct => client.CustomObjects.CreateNamespacedCustomObjectAsync<ReportDocument>(
            report, api.Group, api.Version, report.Metadata.NamespaceProperty, api.Plural, cancellationToken: ct), cancellationToken);
    }

    /// <summary>Replaces the report; <paramref name="report"/> carries the resourceVersion it was read at, so a concurrent change is a 409.</summary>
    public Task<ReportDocument> ReplaceAsync(ReportApi api, ReportDocument report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(report);
        return gate.ExecuteAsync($"{api.Plural}.update", ct => client.CustomObjects.ReplaceNamespacedCustomObjectAsync<ReportDocument>(
            report, api.Group, api.Version, report.Metadata.NamespaceProperty, api.Plural, report.Metadata.Name, cancellationToken: ct), cancellationToken);
    }

    public Task DeleteAsync(ReportApi api, ReportDocument report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(report);
        return gate.ExecuteAsync($"{api.Plural}.delete", ct => client.CustomObjects.DeleteNamespacedCustomObjectAsync<object>(
            api.Group, api.Version, report.Metadata.NamespaceProperty, api.Plural, report.Metadata.Name, cancellationToken: ct), cancellationToken);
    }
}
