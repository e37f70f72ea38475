using LbOperator.Core.Analysis;

namespace LbOperator.Core.Observed;

/// <summary>What one interval brought for an entry point.</summary>
public enum ObservedInputKind
{
    /// <summary>Judged above the warn skew; <see cref="ObservedInput.Finding"/> is the LB007 it would report.</summary>
    Skewed,

    /// <summary>Judged within the warn skew.</summary>
    Balanced,

    /// <summary>Observed but not judged: idle, or not comparable.</summary>
    NotJudged,

    /// <summary>No answer from Prometheus this interval.</summary>
    Unavailable,
}

public readonly record struct ObservedInput(ObservedInputKind Kind, Finding? Finding = null)
{
    public static ObservedInput Balanced => new(ObservedInputKind.Balanced);

    public static ObservedInput NotJudged => new(ObservedInputKind.NotJudged);

    public static ObservedInput Unavailable => new(ObservedInputKind.Unavailable);

    public static ObservedInput Skewed(Finding finding) => new(ObservedInputKind.Skewed, finding);
}
