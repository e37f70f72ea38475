using LbOperator.ApiEmulator.Prometheus;

namespace LbOperator.Operator.Tests.Observed;

/// <summary>One Prometheus over <see cref="ObservedSeries"/> for a test class; its data never changes, so tests share it safely.</summary>
public sealed class PrometheusFixture : IAsyncLifetime
{
    private PrometheusServer? _server;

    internal PrometheusServer Server => _server ?? throw new InvalidOperationException(PrometheusBinaries.MissingReason);

    public async Task InitializeAsync()
    {
        if (PrometheusBinaries.Present)
        {
            _server = await PrometheusServer.StartAsync(ObservedSeries.Build());
        }
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
