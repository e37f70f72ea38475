namespace LbOperator.Chart.Tests.CustomResources;

public sealed class CertificateSpec
{
    public string SecretName { get; set; } = "";

    public string? CommonName { get; set; }

    public List<string>? DnsNames { get; set; }

    public bool? IsCA { get; set; }

    public string? Duration { get; set; }

    public string? RenewBefore { get; set; }

    public CertificatePrivateKey? PrivateKey { get; set; }

    public List<string>? Usages { get; set; }

    public IssuerReference IssuerRef { get; set; } = new();
}
