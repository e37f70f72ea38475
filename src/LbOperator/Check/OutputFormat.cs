namespace LbOperator.Check;

public enum OutputFormat
{
    Text,
    Json,
    Sarif,
    PolicyReport,
}
