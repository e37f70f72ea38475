using LbOperator.ApiEmulator.Backends;

namespace LbOperator.Webhook.Tests.Support.Envtest;

/// <summary>A test that needs a real etcd and kube-apiserver from <c>KUBEBUILDER_ASSETS</c>; skipped when they are not there.</summary>
public sealed class EnvtestFactAttribute : FactAttribute
{
    public EnvtestFactAttribute()
    {
        if (EnvtestAssets.FromEnvironment() is null)
        {
            Skip = EnvtestAssets.MissingReason;
        }
    }
}
