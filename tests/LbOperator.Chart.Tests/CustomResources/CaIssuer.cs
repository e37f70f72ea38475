namespace LbOperator.Chart.Tests.CustomResources;

public sealed class CaIssuer
{
    public string SecretName { get; set; } = "";
}
