using Microsoft.AspNetCore.Builder;

namespace LbOperator.ApiEmulator.Backends;

/// <summary>
/// Starts an in-process host that must be configured with fixed ports (the operator host routes by
/// port) on <see cref="PortCandidate"/> ports: Kestrel refuses a taken port with an exception, so a race
/// is retried on fresh candidates through <see cref="RetryingStart"/> and never goes unnoticed.
/// </summary>
public static class CandidatePortHost
{
    public static Task<(WebApplication App, TPorts Ports)> StartAsync<TPorts>(Func<TPorts> choosePorts, Func<TPorts, WebApplication> create) =>
        RetryingStart.RunAsync(async () =>
        {
            var ports = choosePorts();
            var app = create(ports);
            try
            {
                await app.StartAsync().ConfigureAwait(false);
                return (app, ports);
            }
            catch (IOException error) when (error.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await app.DisposeAsync().ConfigureAwait(false);
                throw new PortTakenException(error.Message);
            }
        });
}
