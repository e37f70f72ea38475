using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LbOperator.ApiEmulator.Waiting;

namespace LbOperator.ApiEmulator.Backends;

/// <summary>
/// A real etcd on two candidate ports (see <see cref="RetryingStart"/>). It is ready only when the etcd
/// answering its client URL reports this server's own member name, so another test's etcd on a reused
/// port can never be mistaken for it. Compaction goes through etcd's JSON gateway.
/// </summary>
public sealed class EtcdServer : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private readonly ServerProcess process;

    private EtcdServer(ServerProcess process, string url)
    {
        this.process = process;
        Url = url;
    }

    public string Url { get; }

    public static Task<EtcdServer> StartAsync(string executable, string dataDirectory, CancellationToken cancellationToken) =>
        RetryingStart.RunAsync(async () =>
        {
            var name = "envtest-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();
            var url = $"http://127.0.0.1:{PortCandidate.Next()}";
            var peerUrl = $"http://127.0.0.1:{PortCandidate.Next()}";
            var process = ServerProcess.Start(executable,
            [
                $"--name={name}", $"--data-dir={dataDirectory}",
                $"--listen-client-urls={url}", $"--advertise-client-urls={url}",
                $"--listen-peer-urls={peerUrl}", $"--initial-advertise-peer-urls={peerUrl}", $"--initial-cluster={name}={peerUrl}",
                "--unsafe-no-fsync=true",
            ]);
            var server = new EtcdServer(process, url);
            try
            {
                await Poll.UntilAsync(async ct =>
                {
                    process.ThrowIfExited("etcd");
                    return await server.MemberNameAsync(ct).ConfigureAwait(false) == name;
                }, "etcd answers as itself", tolerate: error => error is HttpRequestException or TaskCanceledException or JsonException,
                    cancellationToken: cancellationToken).ConfigureAwait(false);
                return server;
            }
            catch
            {
                await process.StopAsync().ConfigureAwait(false);
                throw;
            }
        });

    /// <summary>Compacts (physically) up to the current revision: every older resourceVersion is gone, so watches from it get 410.</summary>
    public async Task CompactAsync(CancellationToken cancellationToken)
    {
        var key = Convert.ToBase64String(Encoding.UTF8.GetBytes("/"));
        using var range = await Http.PostAsJsonAsync($"{Url}/v3/kv/range", new { key, count_only = true }, cancellationToken).ConfigureAwait(false);
        range.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await range.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        var revision = body.RootElement.GetProperty("header").GetProperty("revision").GetString();
        using var compaction = await Http.PostAsJsonAsync($"{Url}/v3/kv/compaction", new { revision, physical = true }, cancellationToken).ConfigureAwait(false);
        compaction.EnsureSuccessStatusCode();
    }

    public Task StopAsync() => process.StopAsync();

    public ValueTask DisposeAsync() => new(process.StopAsync());

    private async Task<string?> MemberNameAsync(CancellationToken cancellationToken)
    {
        using var response = await Http.PostAsync($"{Url}/v3/cluster/member/list", new StringContent("{}"), cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        return body.RootElement.GetProperty("members")[0].GetProperty("name").GetString();
    }
}
