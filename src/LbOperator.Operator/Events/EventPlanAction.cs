namespace LbOperator.Operator.Events;

internal enum EventPlanAction
{
    Create,
    Patch,
    Suppress,
}
