using LbOperator.Operator.Changes;
using LbOperator.Runtime.Events;

namespace LbOperator.Operator.Reconciliation;

/// <summary>An audited object as the caches hold it now: where its Events go, its load-balancing fields, and whether it opted out.</summary>
public sealed record AuditedObject(EventTarget Target, LoadBalancingConfig Config, bool Ignored);
