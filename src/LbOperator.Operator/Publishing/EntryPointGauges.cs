namespace LbOperator.Operator.Publishing;

/// <summary>The published numbers of one entry point.</summary>
public sealed record EntryPointGauges(double Skew, double BlackholedShare);
