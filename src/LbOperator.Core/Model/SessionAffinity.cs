namespace LbOperator.Core.Model;

public enum SessionAffinity
{
    None,
    ClientIP,
}
