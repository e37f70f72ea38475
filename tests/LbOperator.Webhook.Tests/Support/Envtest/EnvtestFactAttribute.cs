using LbOperator.ApiEmulator.Backends;

namespace LbOperator.Webhook.Tests.Support.Envtest;

/// <summary>A test that needs a real etcd and kube-apiserver (<see cref="EnvtestAssets"/>); skipped only when this machine has none.</summary>
public sealed class EnvtestFactAttribute : FactAttribute
{
    public EnvtestFactAttribute()
    {
        if (!EnvtestAssets.Configured)
        {
            Skip = EnvtestAssets.MissingReason;
        }
    }
}
