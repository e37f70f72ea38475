using System.Text;
using Prometheus;

namespace LbOperator.Runtime.Metrics;

/// <summary>
/// The process's <c>/metrics</c>: one registry whose instruments each component creates and owns, then the
/// families the <see cref="IScrapeWriter"/>s write from their state at each scrape. Built on an injected
/// registry so tests never share state.
/// </summary>
public sealed class MetricsExposition(CollectorRegistry registry, IEnumerable<IScrapeWriter> scrapeWriters)
{
    private readonly IScrapeWriter[] _scrapeWriters = [.. scrapeWriters];

    public CollectorRegistry Registry { get; } = registry;

    /// <summary>Creates instruments on <see cref="Registry"/>; creating one twice returns the first.</summary>
    public IMetricFactory Factory => Prometheus.Metrics.WithCustomRegistry(Registry);

    /// <summary>The whole exposition (text format 0.0.4): the registry's instruments, then the scrape writers' families.</summary>
    public async Task ExportAsync(Stream destination, CancellationToken cancellationToken)
    {
        await Registry.CollectAndExportAsTextAsync(destination, cancellationToken).ConfigureAwait(false);
        // A small buffer: its encoded bytes stay below the large-object heap, which only a full collection frees.
        var text = new StreamWriter(destination, new UTF8Encoding(false), 1 << 13, leaveOpen: true);
        await using (text.ConfigureAwait(false))
        {
            var writer = new ExpositionWriter(text);
            foreach (var scrapeWriter in _scrapeWriters)
            {
                await scrapeWriter.WriteAsync(writer, cancellationToken).ConfigureAwait(false);
            }

            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            await text.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
