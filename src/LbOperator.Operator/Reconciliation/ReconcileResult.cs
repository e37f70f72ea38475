namespace LbOperator.Operator.Reconciliation;

/// <summary>The single outcome of one level-based reconcile of a key.</summary>
public sealed record ReconcileResult(ReconcileOutcome Outcome, TimeSpan? Delay = null, Exception? Error = null)
{
    public static ReconcileResult Done { get; } = new(ReconcileOutcome.Done);

    public static ReconcileResult After(TimeSpan delay) => new(ReconcileOutcome.RequeueAfter, delay);

    /// <summary>Retry with the queue's per-item exponential backoff.</summary>
    public static ReconcileResult RetryOn(Exception error) => new(ReconcileOutcome.Retry, Error: error);
}
