namespace LbOperator.Chart.Tests.CustomResources;

public sealed class IssuerSpec
{
    public SelfSignedIssuer? SelfSigned { get; set; }

    public CaIssuer? Ca { get; set; }
}
