using k8s;
using k8s.Models;

namespace LbOperator.Chart.Tests.CustomResources;

/// <summary>cert-manager Issuer: self-signed or CA, the two kinds the chart renders.</summary>
[KubernetesEntity(Group = "cert-manager.io", ApiVersion = "v1", Kind = "Issuer", PluralName = "issuers")]
public sealed class Issuer : IKubernetesObject<V1ObjectMeta>
{
    public string ApiVersion { get; set; } = "";

    public string Kind { get; set; } = "";

    public V1ObjectMeta Metadata { get; set; } = new();

    public IssuerSpec Spec { get; set; } = new();
}
