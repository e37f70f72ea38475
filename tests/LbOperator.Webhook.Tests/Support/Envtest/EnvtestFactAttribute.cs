namespace LbOperator.Webhook.Tests.Support.Envtest;

/// <summary>A test that needs a real etcd and kube-apiserver from <c>KUBEBUILDER_ASSETS</c>; skipped when it is not set.</summary>
public sealed class EnvtestFactAttribute : FactAttribute
{
    public EnvtestFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("KUBEBUILDER_ASSETS")))
        {
            Skip = "KUBEBUILDER_ASSETS is not set: no kube-apiserver and etcd to run against";
        }
    }
}
