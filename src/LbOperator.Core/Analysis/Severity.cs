namespace LbOperator.Core.Analysis;

public enum Severity
{
    Info,
    Warning,
    Error,
}
