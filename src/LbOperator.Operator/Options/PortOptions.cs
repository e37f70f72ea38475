namespace LbOperator.Operator.Options;

public sealed class PortOptions
{
    public int Metrics { get; set; } = 8080;

    public int Health { get; set; } = 8081;

    public int Webhook { get; set; } = 9443;
}
