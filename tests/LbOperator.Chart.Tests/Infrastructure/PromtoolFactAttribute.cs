namespace LbOperator.Chart.Tests.Infrastructure;

/// <summary>A fact that needs promtool; reported as skipped only when it is truly absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PromtoolFactAttribute : FactAttribute
{
    public PromtoolFactAttribute()
    {
        if (Promtool.Path is null)
        {
            Skip = Promtool.MissingReason;
        }
    }
}
