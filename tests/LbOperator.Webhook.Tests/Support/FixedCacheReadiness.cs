using LbOperator.Runtime;

namespace LbOperator.Webhook.Tests.Support;

public sealed class FixedCacheReadiness(bool synced) : ICacheReadiness
{
    public bool IsSynced => synced;
}
