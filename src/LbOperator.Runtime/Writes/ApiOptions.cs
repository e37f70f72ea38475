namespace LbOperator.Runtime.Writes;

/// <summary>Client-side token bucket for API writes.</summary>
public sealed class ApiOptions
{
    public double Qps { get; set; } = 20;

    public int Burst { get; set; } = 50;

    /// <summary>Retries of one write after 429, 5xx or a timeout.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>Time limit of one write attempt.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
