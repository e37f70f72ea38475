namespace LbOperator.Operator.Options;

/// <summary>The <c>LbOperator:Reports</c> section: the PolicyReports the leader keeps, one per namespace.</summary>
public sealed class ReportsOptions
{
    /// <summary>Off = write none and delete the ones written earlier.</summary>
    public bool Enabled { get; set; } = true;
}
