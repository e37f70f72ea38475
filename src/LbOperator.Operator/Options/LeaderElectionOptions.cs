namespace LbOperator.Operator.Options;

public sealed class LeaderElectionOptions
{
    public bool Enabled { get; set; } = true;

    public string LeaseName { get; set; } = "lb-operator";

    /// <summary>Empty = the <c>POD_NAMESPACE</c> environment variable.</summary>
    public string LeaseNamespace { get; set; } = "";

    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan RenewDeadline { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Empty = the <c>POD_NAME</c> environment variable, else the host name.</summary>
    public string Identity { get; set; } = "";
}
