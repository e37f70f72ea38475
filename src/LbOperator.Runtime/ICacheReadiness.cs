namespace LbOperator.Runtime;

/// <summary>Whether every informer cache has finished its initial list; <c>/readyz</c> and the webhook ask it.</summary>
public interface ICacheReadiness
{
    bool IsSynced { get; }
}
