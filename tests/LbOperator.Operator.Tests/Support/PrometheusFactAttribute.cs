using LbOperator.ApiEmulator.Prometheus;

namespace LbOperator.Operator.Tests.Support;

/// <summary>A fact that needs a real Prometheus; reported as skipped only when the binaries are truly absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PrometheusFactAttribute : FactAttribute
{
    public PrometheusFactAttribute()
    {
        if (!PrometheusBinaries.Present)
        {
            Skip = PrometheusBinaries.MissingReason;
        }
    }
}

/// <summary>A theory that needs a real Prometheus; reported as skipped only when the binaries are truly absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PrometheusTheoryAttribute : TheoryAttribute
{
    public PrometheusTheoryAttribute()
    {
        if (!PrometheusBinaries.Present)
        {
            Skip = PrometheusBinaries.MissingReason;
        }
    }
}
