namespace LbOperator.Chart.Tests.CustomResources;

public sealed class IssuerReference
{
    public string Name { get; set; } = "";

    public string? Kind { get; set; }

    public string? Group { get; set; }
}
