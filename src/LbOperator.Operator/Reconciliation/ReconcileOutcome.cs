namespace LbOperator.Operator.Reconciliation;

public enum ReconcileOutcome
{
    Done,
    RequeueAfter,
    Retry,
}
