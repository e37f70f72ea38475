using LbOperator.Core.Model;

namespace LbOperator.Operator.Reconciliation;

/// <summary>Re-reads the state of one audited object from the caches and publishes the difference.</summary>
public interface IReconciler
{
    Task<ReconcileResult> ReconcileAsync(ObjectRef key, CancellationToken cancellationToken);
}
