using LbOperator.Core.Model;
using LbOperator.Operator.Reconciliation;

namespace LbOperator.Operator.Reports;

/// <summary>
/// Wraps the reconciler: after each reconcile the key's namespace is marked for the report writer,
/// which re-reads the published state later, on its own schedule (level-based, never in the reconcile's path).
/// </summary>
public sealed class ReportingReconciler(IReconciler inner, ReportNamespaces namespaces) : IReconciler
{
    public async Task<ReconcileResult> ReconcileAsync(ObjectRef key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        try
        {
            return await inner.ReconcileAsync(key, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            namespaces.Mark(key.Namespace);
        }
    }
}
