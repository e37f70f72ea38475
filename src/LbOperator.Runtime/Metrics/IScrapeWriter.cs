namespace LbOperator.Runtime.Metrics;

/// <summary>
/// A component that writes metric families from its own state at each scrape, with no instrument behind
/// them, so a series lives exactly as long as the state it describes. Registered as a singleton.
/// </summary>
public interface IScrapeWriter
{
    Task WriteAsync(ExpositionWriter writer, CancellationToken cancellationToken);
}
